import { STEPS, stepFromUrl } from "../src/taskpane/launch";

test("each ribbon button's steg parameter opens its step", () => {
  for (const step of STEPS) {
    expect(stepFromUrl(`?steg=${step}`)).toBe(step);
    expect(stepFromUrl(`https://localhost:3000/taskpane.html?steg=${step}`)).toBe(step);
  }
  expect(stepFromUrl("?_host_Info=Excel$Win32$16.01$sv-SE&steg=sammanstall")).toBe("sammanstall");
  expect(stepFromUrl("?steg=Validera")).toBe("validera");
  expect(stepFromUrl("?steg=skapa#top")).toBe("skapa");
});

test("anything else opens Koppla", () => {
  for (const search of ["", "?", "?steg=", "?steg=radera", "?step=validera", "?steg=__proto__", "steg"]) {
    expect(stepFromUrl(search)).toBe("koppla");
  }
});
