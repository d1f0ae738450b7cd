/**
 * Runs before the browser project's tests: with no browser to drive, the run stops here, with the
 * one line that says how to get one, instead of failing every test with a long launch error.
 */
import { test } from '@playwright/test';
import { findBrowser } from './browser.ts';

test('a browser to run the tests in', () => {
  test.info().annotations.push({ type: 'browser', description: findBrowser() });
});
