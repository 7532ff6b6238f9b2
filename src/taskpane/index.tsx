import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createOfficeWorkbookPort } from './officePort';
import { createValidationWorker } from './validation/createWorker';
import { createValidationRunner } from './validation/runner';
import { onOfficeReady } from '../excel/office';
function mount(): void {
  const container = document.getElementById('container')!;
  createRoot(container).render(
    <App port={createOfficeWorkbookPort()} runner={createValidationRunner(createValidationWorker)} theme={{ current: () => undefined, subscribe: () => () => undefined }} storage={undefined} />,
  );
}
void onOfficeReady(5000).then(mount);
