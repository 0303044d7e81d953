// The timer's cues: distinct Web Audio beeps, the spoken sentence and vibration, each
// switched by the reader's preferences and each failing silently where a phone lacks it.
// The voice speaks the page's language (./i18n.js).

import { language } from "./i18n.js";

// Beeps: [frequency Hz, start s, length s] per cue; distinct for each kind of step.
const SOUNDS = {
  count: [[660, 0, 0.08]],
  ready: [[523, 0, 0.2]],
  hold: [
    [880, 0, 0.12],
    [880, 0.18, 0.12],
  ],
  rest: [[392, 0, 0.4]],
  switch: [
    [587, 0, 0.12],
    [784, 0.16, 0.12],
    [587, 0.32, 0.12],
  ],
  activity: [
    [659, 0, 0.15],
    [880, 0.2, 0.2],
  ],
  done: [
    [523, 0, 0.16],
    [659, 0.18, 0.16],
    [784, 0.36, 0.45],
  ],
};
const BUZZ = {
  count: 40,
  ready: 150,
  hold: [200, 100, 200],
  rest: 500,
  switch: [100, 60, 100, 60, 100],
  activity: [200, 100, 200],
  done: [300, 100, 300, 100, 600],
};

export function createCues(prefs) {
  let audio = null;

  function unlockAudio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      audio = audio || new Context();
      if (audio.state === "suspended") audio.resume().catch(() => {});
      tone(440, 0, 0.01, 0.0001); // a silent note inside the tap unlocks iOS
    } catch {
      audio = null;
    }
  }

  function tone(frequency, start, length, volume = 0.3) {
    const t = audio.currentTime + start;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "sine";
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(volume, t + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + length + 0.02);
  }

  function beep(name) {
    if (!prefs.sound || !audio || !SOUNDS[name]) return;
    try {
      if (audio.state === "suspended") audio.resume().catch(() => {});
      for (const [frequency, start, length] of SOUNDS[name]) tone(frequency, start, length);
    } catch {
      // No sound on this device.
    }
  }

  function buzz(name) {
    if (!prefs.vibrate || !navigator.vibrate || !BUZZ[name]) return;
    try {
      navigator.vibrate(BUZZ[name]);
    } catch {
      // No vibration here.
    }
  }

  function silence() {
    try {
      window.speechSynthesis?.cancel();
    } catch {
      // No speech here.
    }
  }

  function say(text) {
    if (!prefs.voice || !text || !window.speechSynthesis || !window.SpeechSynthesisUtterance) {
      return;
    }
    try {
      speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language();
      utterance.rate = 0.95;
      speechSynthesis.speak(utterance);
    } catch {
      // No speech here.
    }
  }

  function cue(step) {
    beep(step.kind);
    buzz(step.kind);
    say(step.say);
  }

  // The 3-2-1 before a step ends: a short beep and buzz, and before a hold ends the number
  // spoken too (in the page's language, by the phone's voice).
  function count(n, step) {
    beep("count");
    buzz("count");
    if (step.kind === "hold") say(String(n));
  }

  return { unlockAudio, beep, buzz, silence, say, cue, count };
}
