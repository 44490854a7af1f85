// Builds the Teams app package with AdeBot's own `package` command and validates it with Microsoft's
// validator. Set ADEBOT_DLL to a built AdeBot.dll to skip `dotnet run`'s build step.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import { validatePackage } from "./validate-package.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const appId = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
const domain = "adebot.contoso.com";

let workDir;
let zipPath;

function runPackageCommand(args) {
  const command = process.env.ADEBOT_DLL
    ? [process.env.ADEBOT_DLL, "package", ...args]
    : ["run", "--project", path.join(repoRoot, "src", "AdeBot"), "--no-launch-profile", "--", "package", ...args];
  return spawnSync("dotnet", command, { cwd: repoRoot, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
}

function runValidator(zip) {
  return spawnSync(process.execPath, [path.join(here, "validate-package.mjs"), zip], { encoding: "utf8" });
}

function rewritePackage(name, change) {
  const zip = new AdmZip(zipPath);
  const broken = new AdmZip();
  for (const entry of zip.getEntries()) broken.addFile(entry.entryName, entry.getData());
  change(broken);
  const brokenPath = path.join(workDir, name);
  broken.writeZip(brokenPath);
  return brokenPath;
}

function editJson(archive, name, edit) {
  const json = JSON.parse(archive.getEntry(name).getData().toString("utf8"));
  edit(json);
  archive.updateFile(name, Buffer.from(JSON.stringify(json), "utf8"));
}

before(() => {
  workDir = mkdtempSync(path.join(tmpdir(), "adebot-node-package-"));
  zipPath = path.join(workDir, "adebot.zip");
  const result = runPackageCommand(["--app-id", appId, "--domain", domain, "--out", zipPath]);
  assert.equal(result.status, 0, `the package command failed:\n${result.stdout}\n${result.stderr}`);
});

after(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("the package validates with Microsoft's validator with no errors", async () => {
  const result = await validatePackage(zipPath);

  assert.deepEqual(result.errors, []);
  assert.equal(result.checked.length, 5, result.checked.join("\n"));
});

test("manifest.json, the icons and the localization files sit at the zip root where the manifest says", () => {
  const zip = new AdmZip(zipPath);
  const names = zip.getEntries().map((entry) => entry.entryName).sort();
  const manifest = JSON.parse(zip.readAsText("manifest.json"));

  assert.deepEqual(names, ["color.png", "fi.json", "manifest.json", "outline.png", "uk.json"]);
  assert.deepEqual(
    [manifest.icons.color, manifest.icons.outline, ...manifest.localizationInfo.additionalLanguages.map((language) => language.file)],
    ["color.png", "outline.png", "fi.json", "uk.json"],
  );
});

test("the app id and the domain are filled in and no placeholder is left", () => {
  const zip = new AdmZip(zipPath);
  const manifest = JSON.parse(zip.readAsText("manifest.json"));

  assert.equal(manifest.id, appId);
  assert.equal(manifest.bots[0].botId, appId);
  assert.deepEqual(manifest.validDomains, [domain]);
  assert.deepEqual(manifest.webApplicationInfo, { id: appId, resource: `api://${domain}/botid-${appId}` });
  for (const name of ["manifest.json", "fi.json", "uk.json"]) assert.doesNotMatch(zip.readAsText(name), /\{\{/, name);
});

test("the manifest is a Teams v1.23 manifest, validated against the validator's bundled v1.23 schemas", () => {
  const zip = new AdmZip(zipPath);
  const manifest = JSON.parse(zip.readAsText("manifest.json"));
  const schemas = path.join(here, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.23");
  const schema = JSON.parse(readFileSync(path.join(schemas, "MicrosoftTeams.schema.json"), "utf8"));

  assert.equal(schema.properties.manifestVersion.const, "1.23");
  assert.equal(manifest.manifestVersion, "1.23");
  assert.equal(manifest.$schema, "https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.schema.json");
  assert.deepEqual(schema.required.filter((property) => !(property in manifest)), []);
  assert.ok(existsSync(path.join(schemas, "MicrosoftTeams.Localization.schema.json")));
  for (const name of ["fi.json", "uk.json"]) {
    assert.equal(JSON.parse(zip.readAsText(name)).$schema, "https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.Localization.schema.json", name);
  }
});

test("the validator rejects broken packages", async (t) => {
  const cases = [
    {
      what: "a short name over 30 characters",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.name.short = "A".repeat(31); }),
      expected: /manifest\.json: \/name\/short must NOT have more than 30 characters/,
    },
    {
      what: "a missing outline icon",
      change: (zip) => zip.deleteFile("outline.png"),
      expected: /icons\.outline names outline\.png, which is not in the zip/,
    },
    {
      what: "a missing localization file",
      change: (zip) => zip.deleteFile("uk.json"),
      expected: /localizationInfo names uk\.json \(uk-ua\), which is not in the zip/,
    },
    {
      what: "files zipped inside a folder",
      change: (zip) => {
        zip.addFile("appPackage/manifest.json", zip.getEntry("manifest.json").getData());
        zip.deleteFile("manifest.json");
      },
      expected: /appPackage\/manifest\.json: every file must sit at the zip root/,
    },
    {
      what: "an unknown localization key",
      change: (zip) => editJson(zip, "fi.json", (strings) => { strings["bots[0].commandLists[0].commands[0].titel"] = "typo"; }),
      expected: /fi\.json: \(root\) must NOT have additional properties/,
    },
    {
      what: "a localized command the manifest does not have",
      change: (zip) => editJson(zip, "uk.json", (strings) => { strings["bots[0].commandLists[2].commands[9].title"] = "зайва"; }),
      expected: /uk\.json: bots\[0\]\.commandLists\[2\]\.commands\[9\]\.title names a command that manifest\.json does not have/,
    },
    {
      what: "no developer",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { delete manifest.developer; }),
      expected: /manifest\.json: must have required property 'developer'/,
    },
    {
      what: "another manifest version",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.manifestVersion = "1.22"; }),
      expected: /manifest\.json: \/manifestVersion must be equal to constant\. Details: \{"allowedValue":"1\.23"\}/,
    },
    {
      what: "an unknown top-level property",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.colour = "teal"; }),
      expected: /manifest\.json: must NOT have additional properties\. Details: \{"additionalProperty":"colour"\}/,
    },
    {
      what: "an unknown bot scope",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.bots[0].scopes.push("meetings"); }),
      expected: /manifest\.json: \/bots\/0\/scopes\/3 must be equal to one of the allowed values/,
    },
    {
      what: "eleven commands in a list",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => {
        manifest.bots[0].commandLists[0].commands = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: "d" }));
      }),
      expected: /manifest\.json: \/bots\/0\/commandLists\/0\/commands must NOT have more than 10 items/,
    },
    {
      what: "a developer URL that is not http",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.developer.privacyUrl = "ftp://adebot.contoso.com/privacy"; }),
      expected: /manifest\.json: \/developer\/privacyUrl must match pattern/,
    },
    {
      what: "a localization file without a required string",
      change: (zip) => editJson(zip, "fi.json", (strings) => { delete strings["description.short"]; }),
      expected: /fi\.json: \(root\) must have required property 'description\.short'/,
    },
    {
      what: "a localized name that reads null",
      change: (zip) => editJson(zip, "fi.json", (strings) => { strings["name.short"] = "null"; }),
      expected: /fi\.json: \/name\.short must match pattern/,
    },
    {
      what: "a bot id that is not a GUID",
      change: (zip) => editJson(zip, "manifest.json", (manifest) => { manifest.bots[0].botId = "adebot"; }),
      expected: /manifest\.json: \/bots\/0\/botId must match pattern/,
    },
  ];
  for (const { what, change, expected } of cases) {
    await t.test(what, async () => {
      const result = await validatePackage(rewritePackage(`${what.replaceAll(" ", "-")}.zip`, change));
      assert.ok(result.errors.some((error) => expected.test(error)), `expected ${expected}, got:\n${result.errors.join("\n")}`);
    });
  }
});

test("validate-package.mjs exits 0 for the package and 1 for a broken one", () => {
  const valid = runValidator(zipPath);
  assert.equal(valid.status, 0, valid.stderr);
  assert.match(valid.stdout, /is a valid Teams app package/);

  const broken = runValidator(rewritePackage("no-manifest.zip", (zip) => zip.deleteFile("manifest.json")));
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /manifest\.json is missing from the zip root/);
});

test("the package command rejects bad arguments with exit code 64 (a usage error) and says why", () => {
  const result = runPackageCommand(["--app-id", appId, "--domain", "https://adebot.contoso.com/api/messages", "--out", path.join(workDir, "bad.zip")]);

  assert.equal(result.status, 64, result.stdout + result.stderr);
  assert.match(result.stderr, /--domain 'https:\/\/adebot\.contoso\.com\/api\/messages' must be a bare host name without a scheme/);
  assert.equal(existsSync(path.join(workDir, "bad.zip")), false);
});
