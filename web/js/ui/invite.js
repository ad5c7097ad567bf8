/**
 * The Invite dialog: the call's link to copy and its QR code (drawn by the server, GET /api/qr), for
 * someone to join from a phone. DOM only.
 */

const openButton = document.getElementById('invite');
const dialog = document.getElementById('invite-dialog');
const linkInput = document.getElementById('invite-link');
const copyButton = document.getElementById('invite-copy');
const qr = document.getElementById('invite-qr');
const copied = document.getElementById('invite-copied');

/** @param {string} link the call's link */
export function bindInvite(link) {
  linkInput.value = link;
  openButton.addEventListener('click', () => {
    // Asked for on first opening only: most calls never show it.
    if (!qr.getAttribute('src')) qr.src = `/api/qr?link=${encodeURIComponent(link)}`;
    copied.textContent = '';
    dialog.showModal();
  });
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
      copied.textContent = 'Link copied';
    } catch {
      // No clipboard here (not a secure context, or refused): the link is selected for copying by hand.
      linkInput.select();
      copied.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected link';
    }
  });
}
