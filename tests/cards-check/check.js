#!/usr/bin/env node
// Parses every Adaptive Card (*.json) in a folder with the adaptivecards package that Web Chat 4.18.1 bundles and
// Teams' renderer follows, and fails on any parse or validation event, on a version above what Teams renders (1.5),
// and on any property the parser does not know (it silently drops those, so a typo would otherwise go unnoticed).
// Usage: node check.js <folder>   Exit code 0 = every card clean; 1 = problems (listed); 2 = bad usage.
"use strict";
const fs = require("fs");
const path = require("path");
// The package's "main" points at ES modules without file extensions, which Node cannot resolve; the UMD bundle works.
const AC = require("adaptivecards/dist/adaptivecards.js");

const MAX_VERSION = AC.Versions.v1_5;

function describe(event) {
  return `${AC.ValidationPhase[event.phase]} ${AC.ValidationEvent[event.event]}: ${event.message}`;
}

// Paths present in the input but absent after a parse/serialise round trip: properties the renderer ignores.
function droppedPaths(input, output, at) {
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return [at];
    return input.flatMap((item, i) => droppedPaths(item, output[i], `${at}[${i}]`));
  }
  if (input !== null && typeof input === "object") {
    if (output === null || typeof output !== "object") return [at];
    // Action data is free-form: whatever the bot put there comes back verbatim, so it is not the parser's business.
    return Object.keys(input).flatMap((key) =>
      key === "data" ? (key in output ? [] : [`${at}.${key}`]) : droppedPaths(input[key], output[key], `${at}.${key}`));
  }
  return output === undefined ? [at] : [];
}

function checkCard(json) {
  const problems = [];
  const version = AC.Version.parse(json.version, new AC.SerializationContext());
  if (!version || !version.isValid) {
    problems.push(`version "${json.version}" is missing or invalid`);
  } else if (version.compareTo(MAX_VERSION) > 0) {
    problems.push(`version ${version} is above ${MAX_VERSION}, the highest Teams renders`);
  }

  const context = new AC.SerializationContext(MAX_VERSION);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));

  const validation = card.validateProperties();
  for (const event of validation.validationEvents) problems.push(describe(event));

  const roundTrip = card.toJSON(new AC.SerializationContext(MAX_VERSION));
  for (const dropped of droppedPaths(json, roundTrip, "$")) problems.push(`property ${dropped} is not understood by the renderer`);
  return problems;
}

function main(args) {
  if (args.length !== 1 || !fs.existsSync(args[0]) || !fs.statSync(args[0]).isDirectory()) {
    console.error("usage: node check.js <folder of Adaptive Card .json files>");
    return 2;
  }
  const files = fs.readdirSync(args[0]).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) {
    console.error(`no .json files in ${args[0]}`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    let problems;
    try {
      problems = checkCard(JSON.parse(fs.readFileSync(path.join(args[0], file), "utf8")));
    } catch (error) {
      problems = [`cannot be read: ${error.message}`];
    }
    if (problems.length === 0) {
      console.log(`ok ${file}`);
    } else {
      failed++;
      for (const problem of problems) console.log(`FAIL ${file}: ${problem}`);
    }
  }
  console.log(`${files.length - failed} cards clean, ${failed} with problems`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
