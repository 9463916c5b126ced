// The short and full names of the same department, as Chinese government documents print them: reviewed data, one
// group per department, the short form the lists use most often first (it names the department across lists).
// Only the part after the level is listed (经信局, not 市经信局): the level and place stay apart, so 市经信局 and
// 县经信局 remain two departments. A city's own additions or splits go in seeds/unit-aliases.json.

export const UNIT_ALIASES: readonly (readonly string[])[] = [
  ["经信局", "经济和信息化局", "经济信息化局", "经信委", "经济和信息化委员会"],
  ["发改委", "发展改革委", "发展和改革委员会", "发展改革委员会", "发改局", "发展和改革局", "发展改革局"],
  ["人社局", "人力资源和社会保障局", "人力资源社会保障局"],
  ["市场监管局", "市场监督管理局"],
  ["住建局", "住房和城乡建设局", "住房城乡建设局"],
  ["科技局", "科学技术局"],
  ["教体局", "教育体育局", "教育和体育局"],
  ["卫健委", "卫生健康委", "卫生健康委员会", "卫生和健康委员会"],
  ["自然资源局", "自然资源和规划局"],
  ["生态环境局", "生态环境分局"],
  ["数据资源局", "数据资源管理局", "数管局"],
  ["金融监管局", "地方金融监督管理局", "地方金融监管局", "金融监督管理局"],
  ["交通运输局", "交通局"],
  ["农业农村局", "农业农村委", "农业农村委员会"],
  ["应急局", "应急管理局"],
  ["城管局", "城市管理局", "城市管理综合执法局"],
  ["文旅局", "文化和旅游局", "文化旅游局"],
  ["公管局", "公共资源交易监督管理局"],
  ["医保局", "医疗保障局"],
  ["退役军人局", "退役军人事务局"],
  ["林业局", "林业和草原局"],
  ["水利局", "水务局"],
  ["投促局", "投资促进局", "投资促进中心"],
  ["统计局"],
  ["财政局"],
  ["商务局"],
  ["民政局"],
  ["司法局"],
  ["审计局"],
  ["税务局"],
  ["公安局"],
  ["教育局"],
];
