/**
 * Placeholder root of the task pane: renders the product name in Fluent UI once Office.js is ready. The pane's
 * real composition root (App, gateway port, validation worker) replaces this file.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';
import { onOfficeReady } from '../excel/office';

export const PRODUCT_NAME = '学位授予信息助手';

function Placeholder(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title2 as="h1">{PRODUCT_NAME}</Title2>
      </main>
    </FluentProvider>
  );
}

function mount(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<Placeholder />);
}

// Outside Office (a plain browser) office.js never becomes ready; render anyway after a short wait.
void onOfficeReady(5000).then(mount);
