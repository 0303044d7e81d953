// The link to the check-in (templates/_partials/_checkin_link.html) says what fits her:
// start one, check in again, or see her answers. Read-only: it never changes them.
import { checkinStatus } from "./checkin-store.js";

const { status } = checkinStatus();
for (const link of document.querySelectorAll("[data-checkin-link]")) {
  for (const text of link.querySelectorAll("[data-when]")) {
    text.hidden = text.dataset.when !== status;
  }
  link.dataset.status = status;
}
