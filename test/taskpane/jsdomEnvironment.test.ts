/** @jest-environment ./test/support/jsdomEnvironment.js */
/**
 * The pane tests' jsdom environment skips matching a style rule whose subject names a class or type an element lacks
 * (test/support/jsdomEnvironment.js). It must change no answer: for every selector and element here, the style the
 * cascade gives (through the shortcut) agrees with Element.matches, which jsdom answers through its own matcher.
 */
const SELECTORS = [
  ".a",
  ".a.b",
  ".b.a",
  "div.a",
  "DIV.a",
  "span.a",
  ".x, .a",
  ".x, span",
  ".a:hover",
  ".a:first-child",
  ".a > .b",
  ".a .b",
  ".a + .b",
  ".a ~ .c",
  "div",
  "rect",
  "RECT.c",
  "foreignObject",
  "*",
  "*.b",
  "#i.a",
  ".a:not(.b)",
  "[data-x] ",
  ".a::before",
  ":root .c",
  "svg .c",
  ".-x",
  "._y",
];

test("the cascade through the shortcut agrees with Element.matches for every selector and element", () => {
  document.body.innerHTML = `
    <div class="a" id="i"><span class="b">s</span><p class="a b">p</p><em class="c" data-x="1">e</em></div>
    <span class="a">t</span><div class="-x _y">u</div>
    <svg><rect class="c"></rect><foreignObject class="a"></foreignObject></svg>`;
  const elements = [...document.body.querySelectorAll("*")];
  const disagree: string[] = [];
  for (const selector of SELECTORS) {
    const style = document.createElement("style");
    style.textContent = `${selector} { display: none; }`;
    document.head.append(style);
    for (const element of elements) {
      const hidden = getComputedStyle(element).display === "none";
      if (hidden !== element.matches(selector))
        disagree.push(`${selector} on <${element.localName} class="${element.getAttribute("class") ?? ""}">`);
    }
    style.remove();
  }
  expect(disagree).toEqual([]);
  expect(elements.length).toBeGreaterThan(8);
});
