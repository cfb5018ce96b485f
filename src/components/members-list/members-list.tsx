import { forwardRef, useId, useState, type ComponentProps } from 'react';
import { MEMBER_PAGE_SIZES, useMembers, type MemberPageSize, type UseMembersOptions } from '../../hooks/use-members';
import { useTranslate } from '../../hooks/use-translate';
import { classNames, visuallyHidden } from '../shared/class-names';
import { Button } from '../shared/button';
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

/**
 * The organization's members as a table of email, name and last activity, with search, page
 * sizes 30/50/100 and paging; every page is read through the adapter, so the table never holds
 * more than one page. A member's email opens their details in a dialog, by click or keyboard.
 *
 * @example
 * <MembersList initialPageSize={50} />
 */
export const MembersList = forwardRef<HTMLElement, MembersListProps>(function MembersList(
  { adapter, initialPageSize, searchDelayMs, now, timeZone, className, ...props },
  ref,
) {
  const rest = { ...props, ref };
  const themeAttributes = useThemeAttributes();
  const members = useMembers({ adapter, initialPageSize, searchDelayMs, now, timeZone });
  const t = useTranslate();
  const id = useId();
  const [openId, setOpenId] = useState<string | null>(null);

  if (!members.isSupported) return null;

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
              <tr key={member.id} data-slot="ras-members-row">
                <td>
                  {/* The button covers the whole row (CSS), so a click anywhere on it opens the member. */}
                  <button
                    type="button"
                    data-slot="ras-members-open"
                    aria-haspopup="dialog"
                    onClick={() => setOpenId(member.id)}
                  >
                    {member.email}
                  </button>
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

      <ModalDialog.Root open={openId !== null} onOpenChange={(open) => !open && setOpenId(null)}>
        <ModalDialog.Content data-variant="sheet" title={t('member.title')}>
          {openId !== null ? <MemberDetails memberId={openId} adapter={adapter} now={now} timeZone={timeZone} /> : null}
          <div data-slot="ras-dialog-actions">
            <ModalDialog.Close asChild>
              <Button variant="secondary">{t('members.close')}</Button>
            </ModalDialog.Close>
          </div>
        </ModalDialog.Content>
      </ModalDialog.Root>
    </section>
  );
});
MembersList.displayName = 'MembersList';
