import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

export interface AppProps {
  inExcel: boolean;
}

/** The pane's frame. The four steps (Koppla, Validera, Skapa uppföljning, Sammanställ) come with the Excel host. */
export function App({ inExcel }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh" }}>
      <Title2 as="h1">Måltavlan</Title2>
      <p>
        <Text>
          {inExcel
            ? "Mål- och budgetuppföljning för nämnderna. Öppna planens arbetsbok för att börja."
            : "Måltavlan körs utanför Excel. Öppna tillägget i Excel för att arbeta med en plan."}
        </Text>
      </p>
    </FluentProvider>
  );
}
