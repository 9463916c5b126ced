// Finds the programs the tests and the ingest need outside Node (a Chromium-family browser, Firefox ESR, LibreOffice,
// a CJK font)
// and names the command that installs the missing ones on this system. One place, so tests and ingest agree.
import { spawnSync } from "node:child_process";
import { accessSync, constants, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { Launcher } from "chrome-launcher";

export type Tool = "browser" | "firefox" | "soffice" | "cjk-font";
export const TOOLS: readonly Tool[] = ["browser", "firefox", "soffice", "cjk-font"];
export const TOOL_NAMES: Record<Tool, string> = { browser: "Chromium", firefox: "Firefox", soffice: "LibreOffice", "cjk-font": "a CJK font" };

export type PackageManager = "apt" | "dnf" | "pacman" | "apk";

export interface SystemInfo {
  platform: NodeJS.Platform;
  /** The Linux distribution's package manager, when it is one whose package names we know. */
  packageManager: PackageManager | undefined;
  root: boolean;
}

function isExecutable(file: string | undefined): file is string {
  if (!file) return false;
  try {
    // X_OK means nothing on Windows; there existence is the best test there is.
    accessSync(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found in a folder of PATH (PATHEXT is left out: callers pass the full Windows names). */
export function onPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env["PATH"] ?? env["Path"] ?? "").split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/**
 * The browser the tests and the benchmarks drive: $CHROME_PATH (the variable chrome-launcher and Lighthouse read),
 * the older $CHROMIUM_PATH, then whatever chrome-launcher finds, then the Chromium builds it does not look for
 * (Homebrew's and winget's Chromium).
 */
export function findBrowser(): string | undefined {
  for (const variable of ["CHROME_PATH", "CHROMIUM_PATH"]) {
    const file = process.env[variable];
    if (isExecutable(file)) return file;
  }
  try {
    const found = Launcher.getFirstInstallation();
    if (isExecutable(found)) return found;
  } catch {
    // chrome-launcher throws on Linux when it finds nothing, and on platforms it does not support.
  }
  const extra: string[] = [];
  if (process.platform === "darwin") {
    extra.push("/Applications/Chromium.app/Contents/MacOS/Chromium", join(homedir(), "Applications/Chromium.app/Contents/MacOS/Chromium"));
  } else if (process.platform === "win32") {
    for (const base of [process.env["LOCALAPPDATA"], process.env["ProgramFiles"]]) {
      if (base) extra.push(join(base, "Chromium", "Application", "chrome.exe"));
    }
  }
  return extra.find((file) => isExecutable(file));
}

/** LibreOffice's `soffice`: $SOFFICE_PATH, PATH, then the folders its installers use. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (isExecutable(env["SOFFICE_PATH"])) return env["SOFFICE_PATH"];
  const onPathFile = onPath(platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"], env);
  if (onPathFile) return onPathFile;
  const folders: string[] = [];
  if (platform === "darwin") {
    folders.push("/Applications/LibreOffice.app/Contents/MacOS/soffice", join(homedir(), "Applications/LibreOffice.app/Contents/MacOS/soffice"));
  } else if (platform === "win32") {
    for (const base of [env["ProgramFiles"], env["ProgramFiles(x86)"], env["LOCALAPPDATA"] && join(env["LOCALAPPDATA"], "Programs")]) {
      if (base) folders.push(join(base, "LibreOffice", "program", "soffice.exe"));
    }
  } else {
    folders.push("/usr/lib/libreoffice/program/soffice", "/usr/lib64/libreoffice/program/soffice", "/snap/bin/libreoffice");
    // The Document Foundation's own .deb/.rpm packages install to /opt/libreofficeX.Y.
    try {
      for (const name of readdirSync("/opt").filter((n) => n.startsWith("libreoffice")).sort().reverse()) {
        folders.push(join("/opt", name, "program", "soffice"));
      }
    } catch {
      // no /opt
    }
  }
  return folders.find((file) => isExecutable(file));
}

const CJK_FONT_FILE = /noto.*cjk|sourcehan|source-han|wqy|droidsansfallback|uming|ukai/i;

function fontFiles(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? fontFiles(join(dir, entry.name), depth + 1) : [entry.name],
    );
  } catch {
    return [];
  }
}

/**
 * A font that covers Chinese, so screenshots show characters instead of boxes. macOS and Windows ship one
 * (PingFang, Microsoft YaHei); on Linux, fontconfig says which (`fc-list :lang=zh`), or the font folders when
 * fontconfig's tools are not installed.
 */
export function findCjkFont(platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === "darwin" || platform === "win32") return "the system's";
  const fcList = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8", timeout: 20_000 });
  if (!fcList.error) {
    const families = fcList.stdout.split("\n").map((line) => line.split(",")[0]?.trim() ?? "").filter(Boolean).sort();
    // Named for the report line only; a Simplified Chinese face is the one the pages will be drawn with.
    return families.find((family) => /\bSC\b/.test(family)) ?? families[0];
  }
  const dirs = ["/usr/share/fonts", "/usr/local/share/fonts", join(homedir(), ".local/share/fonts"), join(homedir(), ".fonts")];
  return dirs.flatMap((dir) => fontFiles(dir)).find((name) => CJK_FONT_FILE.test(name));
}

/**
 * The Firefox the browser tests also run in (test/e2e/support/firefox.ts): $FIREFOX_PATH, else Debian's ESR or
 * another firefox on PATH.
 */
export function findFirefox(): string | undefined {
  const file = process.env["FIREFOX_PATH"];
  if (isExecutable(file)) return file;
  return onPath(["firefox-esr", "firefox"]);
}

export interface Found {
  browser: string | undefined;
  firefox: string | undefined;
  soffice: string | undefined;
  "cjk-font": string | undefined;
}

export function findTools(): Found {
  return { browser: findBrowser(), firefox: findFirefox(), soffice: findSoffice(), "cjk-font": findCjkFont() };
}

export function missingTools(found: Found = findTools()): Tool[] {
  return TOOLS.filter((tool) => !found[tool]);
}

/** Which package manager's names to give, from /etc/os-release (ID and ID_LIKE). */
export function detectSystem(osRelease = "/etc/os-release"): SystemInfo {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (process.platform !== "linux") return { platform: process.platform, packageManager: undefined, root };
  let ids: string[] = [];
  try {
    const text = readFileSync(osRelease, "utf8");
    for (const key of ["ID", "ID_LIKE"]) {
      const value = new RegExp(`^${key}=(.*)$`, "m").exec(text)?.[1] ?? "";
      ids.push(...value.replace(/["']/g, "").split(/\s+/).filter(Boolean));
    }
  } catch {
    ids = [];
  }
  const has = (...names: string[]) => names.some((name) => ids.includes(name));
  const packageManager: PackageManager | undefined = has("debian", "ubuntu")
    ? "apt"
    : has("fedora", "rhel", "centos")
      ? "dnf"
      : has("arch")
        ? "pacman"
        : has("alpine")
          ? "apk"
          : undefined;
  return { platform: "linux", packageManager, root };
}

const LINUX_PACKAGES: Record<PackageManager, Record<Tool, string>> = {
  // -nogui: the headless build, without the GTK/X11 libraries a converter does not use.
  apt: { browser: "chromium", firefox: "firefox-esr", soffice: "libreoffice-writer-nogui", "cjk-font": "fonts-noto-cjk" },
  dnf: { browser: "chromium", firefox: "firefox", soffice: "libreoffice-writer", "cjk-font": "google-noto-sans-cjk-fonts" },
  pacman: { browser: "chromium", firefox: "firefox", soffice: "libreoffice-fresh", "cjk-font": "noto-fonts-cjk" },
  apk: { browser: "chromium", firefox: "firefox-esr", soffice: "libreoffice-writer", "cjk-font": "font-noto-cjk" },
};

export function linuxPackages(tools: readonly Tool[], manager: PackageManager): string[] {
  return tools.map((tool) => LINUX_PACKAGES[manager][tool]);
}

/** The exact command that installs `tools` here, or undefined on a system whose package names we do not know. */
export function installCommand(tools: readonly Tool[], system: SystemInfo = detectSystem()): string | undefined {
  if (tools.length === 0) return undefined;
  if (system.platform === "darwin") {
    const casks = tools.flatMap((tool) => (tool === "browser" ? ["chromium"] : tool === "firefox" ? ["firefox@esr"] : tool === "soffice" ? ["libreoffice"] : []));
    return casks.length ? `brew install --cask ${casks.join(" ")}` : undefined;
  }
  if (system.platform === "win32") {
    // Google Chrome rather than a Chromium build: it is the one chrome-launcher looks for on Windows.
    const ids = tools.flatMap((tool) =>
      tool === "browser" ? ["Google.Chrome"] : tool === "firefox" ? ["Mozilla.Firefox.ESR"] : tool === "soffice" ? ["TheDocumentFoundation.LibreOffice"] : [],
    );
    return ids.length ? ids.map((id) => `winget install -e --id ${id}`).join(" && ") : undefined;
  }
  if (!system.packageManager) return undefined;
  const sudo = system.root ? "" : "sudo ";
  const packages = linuxPackages(tools, system.packageManager).join(" ");
  switch (system.packageManager) {
    case "apt":
      return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages}`;
    case "dnf":
      return `${sudo}dnf install -y ${packages}`;
    case "pacman":
      return `${sudo}pacman -S --needed ${packages}`;
    case "apk":
      return `${sudo}apk add ${packages}`;
  }
}

/** A sentence for a person: the command, or what to install when we do not know this system's package names. */
export function installAdvice(tools: readonly Tool[], system: SystemInfo = detectSystem()): string {
  const command = installCommand(tools, system);
  if (command) return `install with: ${command}`;
  const names = tools.map((tool) =>
    tool === "cjk-font" ? "a CJK font (Noto Sans CJK)" : tool === "soffice" ? "LibreOffice Writer" : tool === "firefox" ? "Firefox ESR" : "Chromium or Google Chrome",
  );
  return `install ${names.join(", ")} with this system's package manager`;
}
