// Reports the first painted frame: the blank window's counterpart of Deepbrief's `ui_ready`.
requestAnimationFrame(() =>
  requestAnimationFrame(() => window.__TAURI_INTERNALS__.invoke('ready').catch(() => {})),
);
