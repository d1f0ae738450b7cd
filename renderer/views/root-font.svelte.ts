import { untrack } from 'svelte';

/**
 * The root font size in px, kept current: views that size things in px (canvas lanes, deque slots)
 * grow with it, so presentation mode enlarges them too. `changes` counts theme or font changes, for
 * views that read colours from CSS (a canvas repaints on it).
 */
class RootFont {
  rem = $state(15);
  changes = $state(0);
  #watchers = 0;
  #stop: (() => void) | null = null;

  /** Call from a component's $effect and return what it returns; the views share one observer. */
  watch(): () => void {
    if (this.#watchers++ === 0) this.#stop = this.#start();
    return () => {
      if (--this.#watchers === 0) this.#stop?.();
    };
  }

  #start(): () => void {
    const root = document.documentElement;
    const measure = () => {
      this.rem = parseFloat(getComputedStyle(root).fontSize) || 15;
      untrack(() => this.changes++);
    };
    measure();
    const observer = new MutationObserver(measure);
    observer.observe(root, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    // The root size also follows the window's width (media queries in theme.css).
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }
}

export const rootFont = new RootFont();
