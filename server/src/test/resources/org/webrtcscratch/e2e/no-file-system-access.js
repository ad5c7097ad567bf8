// Test init script: the browser has no File System Access API (as Firefox and Safari), so a received file
// is kept as Blobs and saved with a download, which Playwright can hand to the test.
delete window.showSaveFilePicker;
delete Window.prototype.showSaveFilePicker;
