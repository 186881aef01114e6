/** The core's steps as the pane uses them: with the follow-up's preview (src/hosts/followUpPreview.ts). */
export { type PreviewingCore as PaneCore, followUpPreviewRows } from "../hosts/followUpPreview";
