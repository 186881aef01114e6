// Jest's globalSetup takes a module whose export is the function (test/support/libreofficeRun.js).
module.exports = require("./libreofficeRun").setup;
