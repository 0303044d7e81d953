// One session record as the timer keeps it (static/js/sessions.js), for the JS tests.
export const SESSION = {
  uid: "0b5c9a5e-6c2e-4a7e-9f59-1d8f0e0b3a11",
  startedAt: "2026-03-01T09:00:30.000Z",
  endedAt: "2026-03-01T09:04:25.000Z",
  kind: "exercise",
  slug: "hamstring-stretch",
  title: "Hamstring stretch",
  plannedSeconds: 235,
  actualSeconds: 235,
  completed: true,
  painBefore: 3,
  painAfter: 2,
  stoppedFor: null,
  skippedExercises: [],
};
