/**
 * What the pane takes from "@fluentui/react-components", from the packages that barrel re-exports it from. In the
 * pane tests Jest loads the barrel as this file (jest.config.js, moduleNameMapper): the barrel requires every one of
 * Fluent's ~60 packages, which costs each pane test file seconds of its start; webpack's tree shaking spares the
 * add-in that, Jest has none. The components are the very same objects. A name the pane starts to use must be added
 * here: until it is, the pane tests fail on it (React refuses an undefined component).
 */
export { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-accordion";
export { Button } from "@fluentui/react-button";
export type { ButtonProps } from "@fluentui/react-button";
export { Dropdown, Option } from "@fluentui/react-combobox";
export { Field } from "@fluentui/react-field";
export { Input } from "@fluentui/react-input";
export { Link } from "@fluentui/react-link";
export { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-menu";
export { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-message-bar";
export { Overflow, OverflowItem, useIsOverflowItemVisible, useOverflowMenu } from "@fluentui/react-overflow";
export { FluentProvider } from "@fluentui/react-provider";
export { Select } from "@fluentui/react-select";
export { Spinner } from "@fluentui/react-spinner";
export { Tab, TabList } from "@fluentui/react-tabs";
export { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-table";
export { Text, Title3 } from "@fluentui/react-text";
export { tokens, webDarkTheme, webLightTheme } from "@fluentui/react-theme";
export type { Theme } from "@fluentui/react-theme";
export { Tree, TreeItem, TreeItemLayout } from "@fluentui/react-tree";
export type { TreeItemValue } from "@fluentui/react-tree";
export { makeStyles, mergeClasses } from "@griffel/react";
