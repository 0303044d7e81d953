// What the check-in keeps on the phone (static/js/checkin-store.js): forgetting her answers
// leaves nothing of the check-in behind, the per-exercise confirmations included.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { STORAGE_KEY, forgetCheckin, saveCheckin } from "../../static/js/checkin-store.js";
import { STORAGE_KEY as CLEARED_KEY, confirm, isConfirmed } from "../../static/js/start-guard.js";

// localStorage as a phone has it, in memory.
class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
  get keys() {
    return [...this.#items.keys()];
  }
}

beforeEach(() => {
  globalThis.localStorage = new MemoryStorage();
});

test("forgetting her answers also forgets what she confirmed on exercise pages", () => {
  saveCheckin({ version: 1, birthDate: "2026-11-09" });
  confirm("exercise:modified-plank");
  localStorage.setItem("unrelated", "kept");
  assert.ok(isConfirmed("exercise:modified-plank"));

  forgetCheckin();

  assert.equal(localStorage.getItem(STORAGE_KEY), null);
  assert.equal(localStorage.getItem(CLEARED_KEY), null);
  assert.equal(isConfirmed("exercise:modified-plank"), false);
  assert.deepEqual(localStorage.keys, ["unrelated"]);
});

test("forgetting works when nothing was kept, and when storage refuses", () => {
  forgetCheckin();
  globalThis.localStorage = {
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  assert.doesNotThrow(() => forgetCheckin());
});
