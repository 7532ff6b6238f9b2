import '../taskpane/zodJitless';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficePanePorts, createOfficeWorkbookPort } from '../taskpane/officePort';
import { createValidationWorker } from '../taskpane/validation/createWorker';
import { createValidationRunner } from '../taskpane/validation/runner';
import { DemoApp } from './DemoApp';

const root = createRoot(document.getElementById('root')!);
root.render(
  <React.StrictMode>
    <DemoApp
      createPort={createOfficeWorkbookPort}
      createPanePorts={createOfficePanePorts}
      createRunner={() => createValidationRunner(createValidationWorker)}
    />
  </React.StrictMode>,
);
