import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export type PaneTheme = "light" | "dark";

/** Office's theme (light, dark, colorful, …) as the pane's: dark when Office paints the pane's body dark. */
export function paneTheme(officeTheme: { bodyBackgroundColor?: string } | undefined | null): PaneTheme {
  const color = officeTheme?.bodyBackgroundColor;
  const match = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color.trim()) : null;
  if (!match) return "light";
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

export function fluentTheme(theme: PaneTheme): Theme {
  return theme === "dark" ? webDarkTheme : webLightTheme;
}
