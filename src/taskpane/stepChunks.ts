/**
 * Each step is a chunk of its own, loaded when first shown: the pane can be used as soon as the step it opens at is
 * in, while the workbook is being read. App renders them lazily; earlyStart.ts starts the opening step's download
 * before React is even evaluated (webpack loads a chunk once, however often it is asked for).
 */
export const STEP_CHUNKS = {
  koppla: () => import(/* webpackChunkName: "step-koppla" */ "./steps/Koppla").then((m) => m.Koppla),
  validera: () => import(/* webpackChunkName: "step-validera" */ "./steps/Validera").then((m) => m.Validera),
  skapa: () => import(/* webpackChunkName: "step-skapa" */ "./steps/Skapa").then((m) => m.Skapa),
  sammanstall: () =>
    import(/* webpackChunkName: "step-sammanstall" */ "./steps/Sammanstall").then((m) => m.Sammanstall),
};
