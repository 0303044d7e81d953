// The timer's cues (static/js/cues.js): a beep pattern, a spoken sentence and a vibration
// for each kind of step, each switched by the reader's preferences and each failing
// silently where the phone lacks it. The phone's audio, speech and vibration are stood in
// for here; tests/browser/test_timer.py checks the same cues from a real page.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";

import { createCues } from "../../static/js/cues.js";

const KINDS = ["ready", "hold", "rest", "switch", "activity", "done"];

// Records every tone, utterance and vibration, like the phone would play them.
function phone({ audio = true, speech = true, vibration = true } = {}) {
  const heard = { tones: [], said: [], buzzed: [], cancelled: 0 };
  class FakeAudioContext {
    state = "running";
    currentTime = 0;
    destination = {};
    resume() {
      return Promise.resolve();
    }
    createOscillator() {
      const osc = {
        frequency: { value: 0 },
        connect: (node) => node,
        start: () => heard.tones.push(osc.frequency.value),
        stop() {},
      };
      return osc;
    }
    createGain() {
      const ramp = () => {};
      return {
        gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp },
        connect: (node) => node,
      };
    }
  }
  globalThis.window = globalThis;
  globalThis.document = { documentElement: { lang: "en-GB" } };
  globalThis.AudioContext = audio ? FakeAudioContext : undefined;
  globalThis.webkitAudioContext = undefined;
  globalThis.speechSynthesis = speech
    ? {
        speak: (u) => heard.said.push([u.text, u.lang]),
        cancel: () => {
          heard.cancelled += 1;
        },
      }
    : undefined;
  globalThis.SpeechSynthesisUtterance = speech
    ? class {
        constructor(text) {
          this.text = text;
        }
      }
    : undefined;
  Object.defineProperty(globalThis, "navigator", {
    configurable: true,
    value: vibration ? { vibrate: (pattern) => heard.buzzed.push(pattern) } : {},
  });
  return heard;
}

const ALL_ON = () => ({ sound: true, voice: true, vibrate: true });

describe("createCues", () => {
  let heard;
  beforeEach(() => {
    heard = phone();
  });

  test("each kind of step has its own beeps, and a vibration", () => {
    const cues = createCues(ALL_ON());
    cues.unlockAudio();
    const beeps = KINDS.map((kind) => {
      heard.tones.length = 0;
      heard.buzzed.length = 0;
      cues.cue({ kind, say: `${kind}.` });
      assert.ok(heard.tones.length, `${kind} beeps`);
      assert.equal(heard.buzzed.length, 1, `${kind} buzzes`);
      return JSON.stringify(heard.tones);
    });
    assert.equal(new Set(beeps).size, KINDS.length, beeps.join("\n"));
  });

  test("the 3-2-1 count is a short beep and buzz unlike any step's", () => {
    const cues = createCues(ALL_ON());
    cues.unlockAudio();
    heard.tones.length = 0;
    cues.beep("count");
    cues.buzz("count");
    assert.equal(heard.tones.length, 1);
    for (const kind of KINDS) {
      const before = heard.tones.length;
      cues.beep(kind);
      assert.notDeepEqual(heard.tones.slice(before), heard.tones.slice(0, 1), kind);
    }
    assert.equal(typeof heard.buzzed[0], "number");
  });

  test("a cue speaks the step's sentence in the page's language, cutting off the last", () => {
    const cues = createCues(ALL_ON());
    cues.cue({ kind: "hold", say: "Hold. 1 of 3." });
    cues.cue({ kind: "rest", say: "And relax." });
    assert.deepEqual(heard.said, [
      ["Hold. 1 of 3.", "en-GB"],
      ["And relax.", "en-GB"],
    ]);
    assert.equal(heard.cancelled, 2);
    cues.cue({ kind: "hold" }); // a step with nothing to say
    assert.equal(heard.said.length, 2);
  });

  test("3, 2, 1 is spoken before a hold ends (with the voice on), beeped before any step", () => {
    const prefs = ALL_ON();
    const cues = createCues(prefs);
    cues.unlockAudio();
    heard.tones.length = 0;
    for (const n of [3, 2, 1]) cues.count(n, { kind: "hold" });
    assert.deepEqual(heard.said, [
      ["3", "en-GB"],
      ["2", "en-GB"],
      ["1", "en-GB"],
    ]);
    assert.deepEqual(heard.tones, [660, 660, 660]);
    assert.deepEqual(heard.buzzed, [40, 40, 40]);
    cues.count(3, { kind: "rest" });
    assert.equal(heard.said.length, 3, "a rest ending is only beeped");
    assert.equal(heard.tones.length, 4);
    prefs.voice = false;
    cues.count(2, { kind: "hold" });
    assert.equal(heard.said.length, 3, "voice off: no words");
    assert.equal(heard.tones.length, 5, "but still the beep");
  });

  test("no sound before the tap that unlocks audio; the tap plays a silent note", () => {
    const cues = createCues(ALL_ON());
    cues.cue({ kind: "hold", say: "Hold." });
    assert.deepEqual(heard.tones, []);
    cues.unlockAudio();
    assert.equal(heard.tones.length, 1);
  });

  test("each switch silences its own channel only, and takes effect at once", () => {
    const prefs = ALL_ON();
    const cues = createCues(prefs);
    cues.unlockAudio();
    heard.tones.length = 0;
    prefs.sound = false;
    cues.cue({ kind: "hold", say: "Hold." });
    assert.deepEqual(heard.tones, []);
    assert.equal(heard.said.length, 1);
    assert.equal(heard.buzzed.length, 1);
    prefs.voice = false;
    prefs.vibrate = false;
    cues.cue({ kind: "rest", say: "And relax." });
    cues.buzz("count");
    assert.deepEqual([heard.tones.length, heard.said.length, heard.buzzed.length], [0, 1, 1]);
    prefs.sound = true;
    cues.cue({ kind: "rest", say: "And relax." });
    assert.ok(heard.tones.length > 0);
  });

  test("a phone without audio, speech or vibration gets the rest, and nothing throws", () => {
    for (const missing of ["audio", "speech", "vibration"]) {
      heard = phone({ [missing]: false });
      const cues = createCues(ALL_ON());
      cues.unlockAudio();
      cues.cue({ kind: "hold", say: "Hold." });
      cues.silence();
      assert.equal(heard.tones.length > 0, missing !== "audio", missing);
      assert.equal(heard.said.length, missing === "speech" ? 0 : 1, missing);
      assert.equal(heard.buzzed.length, missing === "vibration" ? 0 : 1, missing);
    }
  });

  test("a device API that throws is ignored", () => {
    const cues = createCues(ALL_ON());
    globalThis.AudioContext = class {
      constructor() {
        throw new Error("blocked");
      }
    };
    globalThis.navigator.vibrate = () => {
      throw new Error("no");
    };
    globalThis.speechSynthesis.speak = () => {
      throw new Error("no voice");
    };
    cues.unlockAudio();
    cues.cue({ kind: "done", say: "All done." });
    cues.silence();
    assert.deepEqual(heard.tones, []);
  });
});
