/**
 * Moves an element to the end of `<body>` while it is mounted: a modal dialog declared inside a
 * panel that makes its own stacking context (sticky, with a z-index) still covers the whole window.
 * Use as `<div use:portal>`; the element keeps its component's scoped styles and event handlers.
 */
export function portal(node: HTMLElement): { destroy: () => void } {
  document.body.appendChild(node);
  return {
    destroy() {
      node.remove();
    },
  };
}
