import { forwardRef, useEffect, useId, useRef, useState, type ComponentProps } from 'react';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import {
  MEMBER_PAGE_SIZES,
  useMembers,
  type MemberPageSize,
  type MemberRow,
  type UseMembersOptions,
  type UseMembersResult,
} from '../../hooks/use-members';
import { useTranslate, type Translate } from '../../hooks/use-translate';
import { describeError } from '../../i18n/describe-error';
import { classNames, visuallyHidden } from '../shared/class-names';
import { Button } from '../shared/button';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { ErrorAlert } from '../shared/error-alert';
import { MemberDetails } from './member-details';
import { ModalDialog } from '../shared/modal-dialog';
import { useThemeAttributes } from '../../hooks/use-appearance';

/** Props of `MembersList`: the hook's options plus the root `<section>`'s own props. */
export interface MembersListProps extends UseMembersOptions, Omit<ComponentProps<'section'>, 'children'> {}

/** A paging button that stays focusable when it can't be used, so focus never drops to the page. */
function PageButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <Button variant="secondary" unavailable={disabled || undefined} onClick={onClick}>
      {label}
    </Button>
  );
}

/** How the removal question names a member: "Ada Lovelace (ada@example.com)", or the email alone. */
function whoIs(member: MemberRow, t: Translate): string {
  return member.name ? t('members.removeWho', { name: member.name, email: member.email }) : member.email;
}

/** Where focus goes once a removed member's row is gone: the row that took its place, when the page is read again. */
interface FocusAfterRemoval {
  /** The removed member's position on the page. */
  index: number;
  /** The rows shown when they were removed: focus moves once the list shows newer ones. */
  rows: MemberRow[];
}

/** Asks before removing a member, naming them and the organization; a failure stays in the dialog with Retry. */
function RemoveMemberDialog({
  members,
  removing,
  onCancel,
  onRemove,
  t,
}: {
  members: UseMembersResult;
  removing: MemberRow | null;
  onCancel: () => void;
  onRemove: (member: MemberRow) => void;
  t: Translate;
}) {
  const who = removing ? whoIs(removing, t) : '';
  const error = members.remove.error;
  return (
    <ConfirmDialog
      open={removing !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={
        members.organizationName
          ? t('members.removeTitle', { member: who, organization: members.organizationName })
          : t('members.removeTitleUnnamed', { member: who })
      }
      description={t('members.removeDescription')}
      confirmLabel={t('members.removeConfirm')}
      cancelLabel={t('common.cancel')}
      destructive
      isPending={members.remove.isPending}
      onConfirm={() => removing && onRemove(removing)}
    >
      {error && error.code !== 'not_found' ? (
        <div role="alert" data-slot="ras-error-alert" data-code={error.code}>
          <p data-slot="ras-error-alert-message">
            {t('members.removeFailed', {
              member: removing?.name || removing?.email || '',
              reason: describeError(error, t),
            })}
          </p>
          {error.code !== 'forbidden' ? (
            <Button variant="secondary" onClick={() => removing && onRemove(removing)}>
              {t('common.retry')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

/**
 * The organization's members as a table of email, name and last activity, with search, page
 * sizes 30/50/100 and paging; every page is read through the adapter, so the table never holds
 * more than one page. A member's email opens their details in a dialog, by click or keyboard;
 * there an administrator can remove them from the organization (never themselves) after
 * confirming. Members a backend still lists once removed show as "Deleted user", with no actions.
 *
 * @example
 * <MembersList initialPageSize={50} />
 */
export const MembersList = forwardRef<HTMLElement, MembersListProps>(function MembersList(
  { adapter, initialPageSize, searchDelayMs, now, timeZone, className, ...props },
  ref,
) {
  const rootRef = useRef<HTMLElement>(null);
  const rest = { ...props, ref: useComposedRefs(ref, rootRef) };
  const themeAttributes = useThemeAttributes();
  const members = useMembers({ adapter, initialPageSize, searchDelayMs, now, timeZone });
  const t = useTranslate();
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState<MemberRow | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [notice, setNotice] = useState('');
  const focusAfterRemoval = useRef<FocusAfterRemoval | null>(null);

  // Once the page is read again after a removal, focus goes to the row that took the removed one's
  // place (or the last row, or the search when none is left), never to the page's <body>. After
  // the dialogs have given focus back (a task later), so that their return does not win.
  const rows = members.members;
  const listStatus = members.status;
  useEffect(() => {
    const pending = focusAfterRemoval.current;
    if (!pending || open || removing || listStatus === 'loading' || rows === pending.rows) return;
    focusAfterRemoval.current = null;
    setTimeout(() => {
      const buttons = rootRef.current?.querySelectorAll<HTMLElement>('[data-slot="ras-members-open"]') ?? [];
      const target = listStatus === 'error' ? null : (buttons[Math.min(pending.index, buttons.length - 1)] ?? null);
      (target ?? searchRef.current)?.focus();
    }, 0);
  }, [open, removing, listStatus, rows]);

  if (!members.isSupported) return null;

  async function remove(member: MemberRow) {
    const result = await members.remove.run(member.id);
    if (!result || (!result.ok && result.error.code !== 'not_found')) return;
    const name = member.name || member.email;
    focusAfterRemoval.current = {
      index: Math.max(
        0,
        rows.findIndex((row) => row.id === member.id),
      ),
      rows,
    };
    setNotice(result.ok ? t('members.removed', { member: name }) : t('members.alreadyRemoved', { member: name }));
    setRemoving(null);
    setOpen(null);
  }

  const { status, page, pageCount, range } = members;
  const loadedOnce = members.total !== null;
  // After a failed read the rows shown would not match the search or page asked for: only the alert shows.
  const failed = status === 'error';
  /** What the status line says: the range shown, that nothing matched, or that there is no one. */
  function summaryText(): string {
    if (failed) return '';
    if (range) return t('members.range', range);
    if (status !== 'success') return '';
    return members.appliedSearch ? t('members.noMatches', { query: members.appliedSearch }) : t('members.empty');
  }
  const summary = summaryText();

  return (
    <section
      aria-label={t('members.title')}
      data-slot="ras-members-list"
      data-state={status === 'success' ? 'ready' : status}
      className={classNames('ras-members-list', className)}
      {...themeAttributes}
      {...rest}
    >
      <div data-slot="ras-members-toolbar">
        <div data-slot="ras-members-field">
          <label htmlFor={`${id}-search`}>{t('members.search')}</label>
          <input
            ref={searchRef}
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={members.search}
            onChange={(event) => members.setSearch(event.target.value)}
          />
        </div>
        <div data-slot="ras-members-field">
          <label htmlFor={`${id}-size`}>{t('members.pageSize')}</label>
          <select
            id={`${id}-size`}
            value={members.pageSize}
            onChange={(event) => members.setPageSize(Number(event.target.value) as MemberPageSize)}
          >
            {MEMBER_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p role="status" data-slot="ras-members-summary">
        {summary}
      </p>
      {/* A polite live region of its own, so the summary stays the list's one status. */}
      <p aria-live="polite" aria-atomic="true" data-slot="ras-members-notice">
        {notice}
      </p>

      {members.status === 'error' ? <ErrorAlert error={members.error} t={t} onRetry={members.retry} /> : null}

      {!loadedOnce && status === 'loading' ? (
        <div aria-busy="true" data-slot="ras-members-loading">
          <p>{t('members.loading')}</p>
          <div data-slot="ras-skeleton" aria-hidden="true" />
        </div>
      ) : null}

      {!failed && members.members.length > 0 ? (
        <table data-slot="ras-members-table" aria-busy={status === 'loading' || undefined}>
          <caption style={visuallyHidden}>{t('members.caption', { page, pageCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.lastActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {members.members.map((member) => (
              <tr key={member.id} data-slot="ras-members-row" data-deleted={member.deleted ? '' : undefined}>
                <td>
                  {member.deleted ? (
                    // Removed, but still listed by the backend: anonymized, with nothing to open or do.
                    <span data-slot="ras-members-deleted">{t('members.deletedUser')}</span>
                  ) : (
                    // The button covers the whole row (CSS), so a click anywhere on it opens the member.
                    <button
                      type="button"
                      data-slot="ras-members-open"
                      aria-haspopup="dialog"
                      onClick={() => setOpen(member)}
                    >
                      {member.email}
                    </button>
                  )}
                </td>
                <td>{member.name}</td>
                <td>
                  {member.activity ? (
                    <time dateTime={member.activity.iso} title={member.activity.exact}>
                      {member.activity.relative}
                    </time>
                  ) : (
                    t('members.noActivity')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {!failed && loadedOnce && pageCount > 1 ? (
        <nav aria-label={t('members.pagination')} data-slot="ras-members-pagination">
          <PageButton label={t('members.first')} disabled={page <= 1} onClick={() => members.setPage(1)} />
          <PageButton label={t('members.previous')} disabled={page <= 1} onClick={() => members.setPage(page - 1)} />
          <span data-slot="ras-members-page">{t('members.page', { page, pageCount })}</span>
          <PageButton
            label={t('members.next')}
            disabled={page >= pageCount}
            onClick={() => members.setPage(page + 1)}
          />
          <PageButton
            label={t('members.last')}
            disabled={page >= pageCount}
            onClick={() => members.setPage(pageCount)}
          />
        </nav>
      ) : null}

      <ModalDialog.Root open={open !== null} onOpenChange={(isOpen) => !isOpen && setOpen(null)}>
        <ModalDialog.Content data-variant="sheet" title={t('member.title')}>
          {open !== null ? <MemberDetails memberId={open.id} adapter={adapter} now={now} timeZone={timeZone} /> : null}
          <div data-slot="ras-dialog-actions">
            {open !== null && members.canRemove(open) ? (
              <Button
                variant="danger"
                aria-haspopup="dialog"
                onClick={() => {
                  members.remove.reset();
                  setRemoving(open);
                }}
              >
                {t('members.remove')}
              </Button>
            ) : null}
            <ModalDialog.Close asChild>
              <Button variant="secondary">{t('members.close')}</Button>
            </ModalDialog.Close>
          </div>
        </ModalDialog.Content>
      </ModalDialog.Root>
      <RemoveMemberDialog
        members={members}
        removing={removing}
        onCancel={() => setRemoving(null)}
        onRemove={(member) => void remove(member)}
        t={t}
      />
    </section>
  );
});
MembersList.displayName = 'MembersList';
