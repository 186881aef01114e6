import { createRoot } from "react-dom/client";
import { App } from "./App";

/* global Office, document */

// Office.onReady also resolves outside Office (host null), so the pane can say where it runs instead of failing.
Office.onReady((info) => {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App inExcel={info.host === Office.HostType.Excel} />);
});
