#!/usr/bin/env node
// Validates a Teams app manifest against the official JSON schema of its manifestVersion. The schemas ship offline in
// @microsoft/app-manifest (the Microsoft 365 Agents Toolkit's manifest library); its own validator needs a module it
// does not install, so this runs the same Ajv set-up (draft-04, allErrors, uri/email/regex formats) directly.
// Usage: node check-manifest.js <manifest.json>   Exit code 0 = valid; 1 = invalid (errors listed); 2 = bad usage.
"use strict";
const fs = require("fs");
const path = require("path");
const AjvDraft04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

function main(args) {
  if (args.length !== 1 || !fs.existsSync(args[0])) {
    console.error("usage: node check-manifest.js <manifest.json>");
    return 2;
  }
  const manifest = JSON.parse(fs.readFileSync(args[0], "utf8").replace(/^\uFEFF/, ""));
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build", "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaFile)) {
    console.log(`FAIL no official schema for manifestVersion "${manifest.manifestVersion}"`);
    return 1;
  }
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  const errors = validate(manifest) ? [] : validate.errors;
  for (const error of errors) console.log(`FAIL ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  console.log(errors.length === 0 ? `ok manifest valid against schema v${manifest.manifestVersion}` : `${errors.length} schema errors`);
  return errors.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
