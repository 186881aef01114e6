/**
 * "@fluentui/react-icons" as the tests load it (jest.config.js, moduleNameMapper). The package's index requires every
 * icon it has, some 19 MB of JavaScript that Jest compiles again for each test file that renders the pane (seconds
 * of each file's start); webpack's tree shaking spares the add-in that, Jest has none. Here an icon is taken, when it
 * is first asked for, from the package's own file for that icon (all its sizes and styles). The helpers (bundleIcon,
 * the class names, the contexts) are the package's own. An icon whose file cannot be found fails the test that
 * renders it, with its name.
 */
const utils = require("@fluentui/react-icons/utils");
const providers = require("@fluentui/react-icons/providers");

/** "ChevronDown12Regular" → "chevron-down": the file holding every size and style of that icon. */
function iconFile(name) {
  const icon = name.replace(/\d*(Regular|Filled|Light|Color)$/, "");
  return icon.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "-").toLowerCase();
}

const helpers = { ...utils, ...providers };

module.exports = new Proxy(helpers, {
  get(target, name) {
    if (typeof name !== "string" || name in target) return target[name];
    const icon = require(`@fluentui/react-icons/svg/${iconFile(name)}`)[name];
    if (icon === undefined) throw new Error(`No icon ${name} in @fluentui/react-icons/svg/${iconFile(name)}`);
    target[name] = icon;
    return icon;
  },
});
