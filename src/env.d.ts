// Per-render values a page hands to the components MDX renders (they receive only their MDX props).
declare namespace App {
  interface Locals {
    task?: import("./site/view.ts").TaskView;
    /** The task's measure texts cut into plain and quantity segments. */
    highlights?: import("./site/highlight.ts").TaskHighlights;
  }
}
