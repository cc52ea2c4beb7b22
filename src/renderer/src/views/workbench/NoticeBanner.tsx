import { useWorkspace, useWorkspaceStore } from '../../workspace/use-workspace';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';

/** The workspace's message of the moment (a problem arrived, an error), with the session it offers to open. */
export function NoticeBanner({ onOpened }: { onOpened: () => void }) {
  const store = useWorkspaceStore();
  const notice = useWorkspace('notice');
  const t = useT();
  if (!notice) return null;
  const target = notice.openSession;
  return (
    <div className="banner notice" role="status" data-testid="notice">
      <span>{notice.message}</span>
      {target && (
        <Button
          variant="primary"
          onClick={() => {
            store.setNotice(null);
            void store.open(target).then(onOpened, () => undefined);
          }}
        >
          {t('notice.openIt')}
        </Button>
      )}
      {notice.offerCode !== undefined && (
        <Button
          onClick={() => {
            const code = notice.offerCode ?? '';
            store.setNotice(null);
            store.offerCode(code, 'file');
          }}
        >
          {t('notice.showTheirs')}
        </Button>
      )}
      <Button aria-label={t('common.dismiss')} onClick={() => store.setNotice(null)}>
        ×
      </Button>
    </div>
  );
}
