/**
 * The add-in's entry (composition root): waits for Office, then mounts the pane with the Excel gateway, the
 * validation worker and the Office theme. Office.js is reached only through src/excel (onOfficeReady,
 * officeTheme, officeLocale and the gateway behind the workbook port).
 */
import './zodJitless';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { officeLocale, officeTheme, onOfficeReady } from '../excel/office';
import { App, type ThemeSource } from './App';
import { createOfficePanePorts, createOfficeWorkbookPort } from './officePort';
import type { HostTheme } from './theme';
import { createValidationWorker } from './validation/createWorker';
import { createValidationRunner } from './validation/runner';

/** Office.context.officeTheme, re-read every few seconds: Excel has no theme-changed event for add-ins. */
function officeThemeSource(): ThemeSource {
  const read = (): HostTheme | undefined => {
    const theme = officeTheme();
    return theme ? { bodyBackgroundColor: theme.bodyBackgroundColor, isDarkTheme: theme.isDarkTheme } : undefined;
  };
  return {
    current: read,
    subscribe(listener) {
      let last = JSON.stringify(read());
      const timer = setInterval(() => {
        const next = JSON.stringify(read());
        if (next !== last) {
          last = next;
          listener();
        }
      }, 3000);
      return () => clearInterval(timer);
    },
  };
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function mount(outsideOffice: boolean): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(
    <React.StrictMode>
      <App
        port={createOfficeWorkbookPort()}
        ports={createOfficePanePorts()}
        runner={createValidationRunner(createValidationWorker)}
        theme={officeThemeSource()}
        storage={localStorageOrUndefined()}
        initialLocale={officeLocale()}
        outsideOffice={outsideOffice}
      />
    </React.StrictMode>,
  );
}

// Outside Office (a plain browser) office.js never becomes ready: mount after a short wait and say so.
void onOfficeReady(5000).then((info) => mount(info.host === undefined));
