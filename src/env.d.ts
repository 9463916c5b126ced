// Per-render values a page hands to the components MDX renders (they receive only their MDX props).
declare namespace App {
  interface Locals {
    task?: import("./site/view.ts").TaskView;
  }
}
