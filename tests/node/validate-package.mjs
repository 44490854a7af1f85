#!/usr/bin/env node
// Validates a Teams app package with Microsoft's own validator (@microsoft/app-manifest), offline:
// the manifest and every localization file against the schemas bundled in that package, every file at
// the zip root, and the icons and localization files present where the manifest says.
//
//   node validate-package.mjs <package.zip>      exit 0 when valid, 1 when not, 2 for a usage error

import path from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { AppManifestUtils, TeamsManifestConverter } from "@microsoft/app-manifest";

// The validator fetches a schema over the network when it has no bundled copy. Here that must never
// happen: a validation that silently depended on the internet would not hold offline or in CI.
globalThis.fetch = async (url) => {
  throw new Error(`network access is disabled; ${url} must come from the validator's bundled schemas`);
};

const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COMMAND_KEY = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/;

/** Validates the package; returns the list of problems (empty when valid) and what was checked. */
export async function validatePackage(zipPath) {
  const errors = [];
  const checked = [];
  const zip = new AdmZip(zipPath);
  const entries = new Map();
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory || entry.entryName.includes("/") || entry.entryName.includes("\\")) {
      errors.push(`${entry.entryName}: every file must sit at the zip root (zip the files, not their folder)`);
    }
    if (!entry.isDirectory) entries.set(entry.entryName, entry.getData());
  }

  const manifestText = readText(entries, "manifest.json");
  if (manifestText === undefined) {
    errors.push("manifest.json is missing from the zip root");
    return { errors, checked, files: [...entries.keys()] };
  }
  const manifest = parseJson("manifest.json", manifestText, errors);
  if (manifest === undefined) return { errors, checked, files: [...entries.keys()] };

  try {
    TeamsManifestConverter.jsonToManifest(manifestText);
  } catch (error) {
    errors.push(`manifest.json: ${error.message}`);
  }
  const manifestErrors = await schemaErrors("manifest.json", manifest);
  errors.push(...manifestErrors);
  if (manifestErrors.length === 0) checked.push(`manifest.json is valid against ${manifest.$schema}`);

  for (const [kind, name] of Object.entries(manifest.icons ?? {})) {
    const bytes = entries.get(name);
    if (bytes === undefined) {
      errors.push(`icons.${kind} names ${name}, which is not in the zip`);
      continue;
    }
    const size = pngSize(bytes);
    const expected = ICON_SIZES[kind];
    if (size === undefined) errors.push(`${name} (icons.${kind}) is not a PNG`);
    else if (expected !== undefined && (size.width !== expected || size.height !== expected)) {
      errors.push(`${name} (icons.${kind}) is ${size.width}x${size.height}, Teams needs ${expected}x${expected}`);
    } else checked.push(`${name} (icons.${kind}) is a ${size.width}x${size.height} PNG`);
  }

  const localization = manifest.localizationInfo ?? {};
  const localizationFiles = [
    ...(localization.defaultLanguageFile ? [{ languageTag: localization.defaultLanguageTag, file: localization.defaultLanguageFile }] : []),
    ...(localization.additionalLanguages ?? []),
  ];
  if (localizationFiles.length > 0) {
    const localizationSchemaUrl = manifest.$schema.replace(/MicrosoftTeams\.schema\.json$/, "MicrosoftTeams.Localization.schema.json");
    const validateLocalization = await localizationValidator(localizationSchemaUrl);
    for (const { languageTag, file } of localizationFiles) {
      const text = readText(entries, file);
      if (text === undefined) {
        errors.push(`localizationInfo names ${file} (${languageTag}), which is not in the zip`);
        continue;
      }
      const strings = parseJson(file, text, errors);
      if (strings === undefined) continue;
      if (strings.$schema !== undefined && strings.$schema !== localizationSchemaUrl) {
        errors.push(`${file}: $schema is ${strings.$schema}, expected ${localizationSchemaUrl} to match the manifest`);
      }
      const fileErrors = [
        ...validateLocalization(file, strings),
        ...missingLocalizationTargets(file, strings, manifest),
      ];
      errors.push(...fileErrors);
      if (fileErrors.length === 0) checked.push(`${file} (${languageTag}) is valid against ${localizationSchemaUrl}`);
    }
  }

  return { errors, checked, files: [...entries.keys()] };
}

async function schemaErrors(file, json) {
  try {
    const failures = await AppManifestUtils.validateAgainstSchema(json);
    return failures.map((failure) => `${file}: ${failure.trim()}`);
  } catch (error) {
    return [`${file}: could not be validated: ${error.message}`];
  }
}

// The validator cannot compile the Localization schema itself: it compiles patterns with the regex
// "u" flag, and the schema's activityTypes patterns contain a lone "]" that only non-unicode regexes
// accept. So the same bundled schema is compiled with the validator's own settings except that flag.
async function localizationValidator(schemaUrl) {
  const schema = await AppManifestUtils.fetchSchema(schemaUrl);
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return (file, json) => validate(json)
    ? []
    : validate.errors.map((error) => `${file}: ${error.instancePath || "(root)"} ${error.message}. Details: ${JSON.stringify(error.params)}`);
}

// A localized command string for a command the manifest does not have would be silently ignored by Teams.
function missingLocalizationTargets(file, strings, manifest) {
  return Object.keys(strings).flatMap((key) => {
    const match = COMMAND_KEY.exec(key);
    if (!match) return [];
    const [, bot, list, command] = match.map(Number);
    return manifest.bots?.[bot]?.commandLists?.[list]?.commands?.[command] === undefined
      ? [`${file}: ${key} names a command that manifest.json does not have`]
      : [];
  });
}

function readText(entries, name) {
  const bytes = entries.get(name);
  return bytes === undefined ? undefined : bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function parseJson(file, text, errors) {
  try {
    return JSON.parse(text);
  } catch (error) {
    errors.push(`${file} is not valid JSON: ${error.message}`);
    return undefined;
  }
}

function pngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function main(args) {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error("Usage: node validate-package.mjs <package.zip>");
    return 2;
  }
  let result;
  try {
    result = await validatePackage(args[0]);
  } catch (error) {
    console.error(`validate-package: ${args[0]} could not be read: ${error.message}`);
    return 1;
  }
  for (const line of result.checked) console.log(`  ok  ${line}`);
  for (const error of result.errors) console.error(`  error  ${error}`);
  if (result.errors.length > 0) {
    console.error(`validate-package: ${args[0]} is NOT a valid Teams app package (${result.errors.length} problem(s)).`);
    return 1;
  }
  console.log(`validate-package: ${args[0]} is a valid Teams app package (${result.files.join(", ")}).`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
