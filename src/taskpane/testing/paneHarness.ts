import { act, renderHook, waitFor } from '@testing-library/react';
import type { SheetGrid } from '../../core/model/types';
import { DEFAULT_PROFILE } from '../../core/profile/profile';
import { gridFromRecords, type RecordValues } from '../../core/testing/fixtures';
import type { IdentityPort, SignerIdentity } from '../identity';
import { usePane, type PaneState } from '../state/usePane';
import { createInlineRunner } from '../validation/runner';
import { MemoryPanePorts } from './memoryPanePorts';
import { MemoryPort } from './memoryPort';

export const TODAY = '20260701';

/** An identity port that remembers in memory (what localStorage does on a real machine). */
export function memoryIdentity(initial?: SignerIdentity): IdentityPort & { remembered?: SignerIdentity } {
  const port: IdentityPort & { remembered?: SignerIdentity } = {
    kind: 'selfDeclared',
    remembered: initial,
    load: async () => port.remembered,
    remember: (identity) => {
      port.remembered = { ...identity };
    },
    forget: () => {
      port.remembered = undefined;
    },
  };
  return port;
}

/** Renders the pane's state over in-memory ports (no React tree beyond the hooks). */
export function renderPane(grids: SheetGrid[], options: { today?: string; identity?: IdentityPort } = {}) {
  const port = new MemoryPort(grids);
  const ports = new MemoryPanePorts(port);
  const runner = createInlineRunner();
  const identity = options.identity ?? memoryIdentity();
  const rendered = renderHook(() =>
    usePane({ port, runner, ports, identity, locale: 'zh-CN', profile: DEFAULT_PROFILE, today: options.today ?? TODAY }),
  );
  const current = (): PaneState => rendered.result.current;
  return { port, ports, current, ...rendered };
}

/** Waits until the session is done (a result or a failure). */
export async function settled(current: () => PaneState): Promise<void> {
  await waitFor(() => expect(['done', 'noTemplate', 'failed']).toContain(current().session.status), { timeout: 20_000 });
}

export type RenderedPane = ReturnType<typeof renderPane>;

/** Validates, then signs as 李采集 (collector) and 王校核 (checker); the signer is 赵学位办 afterwards. */
export async function signedPane(records: readonly RecordValues[], grids: SheetGrid[] = [gridFromRecords('G2', records)]): Promise<RenderedPane> {
  const pane = renderPane(grids, { identity: memoryIdentity() });
  act(() => pane.current().sessionActions.start());
  await settled(pane.current);
  await act(() => pane.current().ledgerActions.reload());
  for (const [name, role] of [
    ['李采集', 'collector'],
    ['王校核', 'checker'],
  ] as const) {
    act(() => {
      pane.current().signer.setName(name);
      pane.current().signOff.setRole(role);
    });
    const before = pane.ports.events.length;
    act(() => pane.current().signOff.sign());
    await waitFor(() => expect(pane.ports.events.length).toBe(before + 1));
    await waitFor(() => expect(pane.current().ledger.busy).toBe(false));
  }
  act(() => pane.current().signer.setName('赵学位办'));
  return pane;
}

/** A signed workbook exported once: the exported rows are the reported baseline. */
export async function reportedPane(records: readonly RecordValues[]): Promise<RenderedPane> {
  const pane = await signedPane(records);
  act(() => pane.current().exporter.exportNow());
  await waitFor(() => expect(pane.current().exporter.result).toBeDefined());
  return pane;
}

/** Sets a cell of the first template sheet (by field code and data index) and validates again. */
export async function editCell(pane: RenderedPane, index: number, field: string, value: string): Promise<void> {
  const grid = pane.port.grids[0];
  const column = (grid.values[0] as string[]).indexOf(field);
  grid.values[index + 1][column] = value;
  act(() => pane.current().sessionActions.start());
  await settled(pane.current);
  await act(() => pane.current().ledgerActions.reload());
}
