/** The core's steps as the pane uses them: with the outline of a follow-up (src/hosts/followUpOutline.ts). */
export { type OutliningCore as PaneCore, followUpOutlineRows } from "../hosts/followUpOutline";
