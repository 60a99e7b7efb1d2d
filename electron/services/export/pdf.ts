// HTML report → PDF with headless Chromium (playwright-core driving the
// system's Chromium). The app prints the same HTML with Electron's
// printToPDF instead; both give the same pages because both are Chromium.
import { chromium } from 'playwright-core';
import type { Paper } from './html';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { PDF_FOOTER, PDF_HEADER, PDF_MARGINS_MM } from './pdf-page';

/**
 * `html` may be a function that makes it: Chromium is then started first, and
 * starts up (its own process, ≈ 0.2–0.5 s on the build machine) while this
 * thread builds the report.
 */
export async function htmlToPdf(html: string | (() => Promise<string>), paper: Paper, signal?: AbortSignal): Promise<Buffer> {
  const launching = chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  // A launch that fails while the report is built is reported by the `await` below, not as unhandled.
  launching.catch(() => {});
  let content: string;
  try {
    content = typeof html === 'string' ? html : await html();
  } catch (e) {
    // Not left running: closed once it has started.
    void launching.then((b) => b.close(), () => {});
    throw e;
  }
  const browser = await launching;
  const abort = () => void browser.close();
  signal?.addEventListener('abort', abort);
  try {
    // Cancelled while Chromium was starting: stop before any work.
    if (signal?.aborted) throw new Error('cancelled');
    const page = await browser.newPage();
    // No network at all: the report is self-contained, and plan text must not reach out.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(content, { waitUntil: 'load' });
    // Runs in the page (a string: this layer is type-checked without the DOM).
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    return await page.pdf({
      format: paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER,
      footerTemplate: PDF_FOOTER,
      margin: {
        top: `${PDF_MARGINS_MM.top}mm`,
        bottom: `${PDF_MARGINS_MM.bottom}mm`,
        left: `${PDF_MARGINS_MM.left}mm`,
        right: `${PDF_MARGINS_MM.right}mm`,
      },
      preferCSSPageSize: false,
    });
  } finally {
    signal?.removeEventListener('abort', abort);
    await browser.close();
  }
}
