// Every approved card snapshot in the repository (all languages), parsed by Microsoft's own Adaptive
// Cards library the way a Teams client parses it: any parse or validation event, error or warning,
// fails the test. The .NET snapshot tests pin the JSON; this checks that the JSON is a card Teams renders.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The library's `lib/` build is extensionless ESM that Node cannot load; its UMD bundle parses without a DOM.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const here = path.dirname(fileURLToPath(import.meta.url));
const testsRoot = path.resolve(here, "..");
// Teams renders Adaptive Cards up to 1.5: https://learn.microsoft.com/microsoftteams/platform/concepts/cards/cards-reference
const TARGET_VERSION = AC.Versions.v1_5;
const LOCALES = ["en-US", "fi-FI", "uk-UA"];

/** Every parse and validation event for a card, as text; empty when a Teams client takes it as it is. */
export function cardProblems(card) {
  if (!card || typeof card !== "object" || Array.isArray(card) || card.type !== "AdaptiveCard") {
    return [`not an AdaptiveCard: ${JSON.stringify(card)?.slice(0, 120)}`];
  }
  const problems = [];
  const context = new AC.SerializationContext(TARGET_VERSION);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = AC.Version.parse(card.version, context);
  if (!version?.isValid || version.major !== 1 || version.minor > TARGET_VERSION.minor) {
    problems.push(`version ${card.version} is not an Adaptive Card version Teams renders (at most ${TARGET_VERSION})`);
  }
  return problems;
}

/** The approved files (`Snapshots/*.json`, not the `.received.json` a failing run leaves) under tests/. */
function snapshotFiles(folder = testsRoot) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return ["node_modules", "bin", "obj", "TestResults"].includes(entry.name) ? [] : snapshotFiles(full);
    return path.basename(folder) === "Snapshots" && entry.name.endsWith(".json") && !entry.name.endsWith(".received.json") ? [full] : [];
  });
}

/** The cards a snapshot holds: one card or a list of them. A JSON string is a notification text, not a card. */
function cardsIn(file) {
  const json = JSON.parse(readFileSync(file, "utf8"));
  if (typeof json === "string") return [];
  return Array.isArray(json) ? json : [json];
}

const snapshots = snapshotFiles().map((file) => ({ file, name: path.relative(testsRoot, file), cards: cardsIn(file) }));
const cardSnapshots = snapshots.filter((snapshot) => snapshot.cards.length > 0);

const localeOf = (file) => LOCALES.find((locale) => file.endsWith(`.${locale}.json`));

test("the approved card snapshots are found in every language, the same cards in each", () => {
  const namesIn = (locale) => cardSnapshots
    .filter((snapshot) => localeOf(snapshot.file) === locale)
    .map((snapshot) => path.basename(snapshot.file, `.${locale}.json`))
    .sort();

  assert.ok(namesIn("en-US").length >= 9, `only ${namesIn("en-US").length} card snapshots: ${namesIn("en-US").join(", ")}`);
  for (const locale of LOCALES) assert.deepEqual(namesIn(locale), namesIn("en-US"), locale);
  // Beside the localized cards, the whole card model in one language-neutral card.
  assert.deepEqual(cardSnapshots.filter((snapshot) => localeOf(snapshot.file) === undefined).map((snapshot) => path.basename(snapshot.file)), ["whole-model.json"]);
});

for (const { name, cards } of cardSnapshots) {
  test(`${name} parses in the adaptivecards library with no errors or warnings`, () => {
    assert.deepEqual(cards.flatMap((card, i) => cardProblems(card).map((problem) => `card ${i}: ${problem}`)), []);
  });
}

test("the parser reports what a Teams client would not render as written", async (t) => {
  const card = (body, version = "1.5") => ({ type: "AdaptiveCard", version, body });
  const cases = [
    { what: "an unknown element type", card: card([{ type: "Carousel" }]), expected: /UnknownElementType: Unknown element type "Carousel"/ },
    { what: "an unknown action type", card: card([{ type: "ActionSet", actions: [{ type: "Action.Bogus", title: "x" }] }]), expected: /UnknownActionType/ },
    { what: "a colour that is not one", card: card([{ type: "TextBlock", text: "x", color: "purple" }]), expected: /InvalidPropertyValue: Invalid value "purple" for property "color"/ },
    { what: "an Action.OpenUrl without url", card: card([{ type: "ActionSet", actions: [{ type: "Action.OpenUrl", title: "x" }] }]), expected: /PropertyCantBeNull: Property "url" must be set/ },
    { what: "two elements with one id", card: card([{ type: "TextBlock", text: "x", id: "a" }, { type: "TextBlock", text: "y", id: "a" }]), expected: /DuplicateId/ },
    { what: "a version newer than Teams renders", card: card([{ type: "TextBlock", text: "x" }], "1.6"), expected: /version 1\.6 is not an Adaptive Card version Teams renders/ },
    { what: "something that is no card", card: [{ type: "AdaptiveCard" }], expected: /not an AdaptiveCard/ },
  ];
  for (const { what, card: broken, expected } of cases) {
    await t.test(what, () => {
      const problems = cardProblems(broken);
      assert.ok(problems.some((problem) => expected.test(problem)), `expected ${expected}, got:\n${problems.join("\n")}`);
    });
  }
});
