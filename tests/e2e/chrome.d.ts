// Code passed to worker.evaluate() runs in the extension's service worker, where `chrome` is the API.
/// <reference types="chrome" />
