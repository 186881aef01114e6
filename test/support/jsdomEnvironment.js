/**
 * Jest's jsdom environment, with one shortcut that changes no answer: before jsdom matches a style rule's selector
 * against an element (for getComputedStyle, which Testing Library calls for every element whose role or name it
 * works out), a rule whose selector names a class (or a type) on its subject that the element lacks (or is not) is
 * known not to match. Fluent UI's styles are thousands of one-class rules, and jsdom tries each on each element: this
 * took a third of the pane tests' time. Selectors this cannot read for certain (parentheses, attributes, escapes,
 * quotes, namespaces) go to jsdom as before.
 *
 * The shortcut must be in place before jsdom loads (its modules keep the function they were given), so the pane's
 * suite (test/suites/pane.test.ts) names this environment: `@jest-environment ./test/support/jsdomEnvironment.js`.
 */
// jsdom's style rules keep the matcher they were given when they loaded: after that, no shortcut takes effect.
if (Object.keys(require.cache).some((file) => file.endsWith("jsdom/lib/jsdom/living/helpers/style-rules.js")))
  throw new Error("jsdom was loaded before test/support/jsdomEnvironment.js: name it, not jsdom, as the environment");
const selectors = require("jsdom/lib/jsdom/living/helpers/selectors.js");

const matchesDontThrow = selectors.matchesDontThrow;
if (typeof matchesDontThrow !== "function")
  throw new Error("jsdom has no helpers/selectors.js matchesDontThrow: test/support/jsdomEnvironment.js needs a look");

/**
 * Per selector: for each of its alternatives, what its subject must be (a type, in lower case, and classes), or null
 * when that cannot be said for every alternative.
 */
const subjects = new Map();

function subjectsOf(selector) {
  if (/[()[\]\\"'|]/.test(selector)) return null;
  const alternatives = selector.split(",").map((alternative) => {
    const compounds = alternative.trim().split(/\s*[\s>+~]\s*/);
    const subject = compounds[compounds.length - 1];
    const type = /^[a-zA-Z][-a-zA-Z0-9]*/.exec(subject);
    return {
      // Lower case on both sides: a necessary condition whether the type matches with case (SVG) or without (HTML).
      type: type ? type[0].toLowerCase() : null,
      classes: [...subject.matchAll(/\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/g)].map((m) => m[1]),
    };
  });
  // An alternative that names neither a type nor a class on its subject may match any element.
  return alternatives.every((a) => a.type !== null || a.classes.length > 0) ? alternatives : null;
}

selectors.matchesDontThrow = (elementImpl, selector) => {
  // A rule without a selector (@font-face, @keyframes' steps) goes to jsdom, which says no.
  if (typeof selector !== "string") return matchesDontThrow(elementImpl, selector);
  let alternatives = subjects.get(selector);
  if (alternatives === undefined) {
    alternatives = subjectsOf(selector);
    subjects.set(selector, alternatives);
  }
  if (alternatives !== null) {
    const type = elementImpl.localName.toLowerCase();
    const classList = elementImpl.classList;
    const possible = alternatives.some(
      (a) => (a.type === null || a.type === type) && a.classes.every((name) => classList.contains(name)),
    );
    if (!possible) return false;
  }
  return matchesDontThrow(elementImpl, selector);
};

module.exports = require("jest-environment-jsdom");
