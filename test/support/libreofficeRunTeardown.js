// Jest's globalTeardown takes a module whose export is the function (test/support/libreofficeRun.js).
module.exports = require("./libreofficeRun").teardown;
