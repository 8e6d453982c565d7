// A control that opens an action's confirmation: hidden in the display
// profile, disabled with its reason visible when the action cannot run now
// (except while another intent is in flight on the target: then it opens, and
// the confirmation says who is acting), and the keeper of a request error
// after its dialog was closed.
import { useId, useState, type ReactNode } from 'react';
import type { ActionCall } from '../../../../shared/protocol';
import { ActionDialog, type ActionDraft } from './action-dialog';
import { useActionGate } from './action-gate';
import { ACTION_LABEL } from './action-labels';

interface ActionLauncherProps {
  endpointId: string;
  /** The action and its arguments as the dialog opens with them. */
  call: ActionCall;
  /** The button's words; the action's own label by default. */
  children?: ReactNode;
  /** A fuller accessible name when the visible words are short ("Halt" → "Halt 5.9.0 in beta"). */
  ariaLabel?: string;
  /** On the wall, kiosk screens draw no controls at all. */
  onWall?: boolean;
  /** `inline`: the reason beside the button; `title`: a tooltip only (the caller shows it once). */
  caption?: 'inline' | 'title';
  /** Disabled for a reason of the caller's (no failed build, say), shown like the gate's. */
  unavailable?: string;
  className?: string;
  testId?: string;
  origin?: string;
  /** A switch shows its state (`aria-checked`); a click still opens the confirmation. */
  switchOn?: boolean;
  /** What a click will do, said on hover and focus ("Turn on for beta (5 % of users)"). */
  describedBy?: string;
}

export function ActionLauncher(props: ActionLauncherProps) {
  const { endpointId, call, caption = 'inline' } = props;
  const target = { endpointId, service: call.args.service, environment: call.args.environment };
  const gate = useActionGate(call.action, target, { onWall: props.onWall === true });
  const [draft, setDraft] = useState<ActionDraft>();
  const [error, setError] = useState<string>();
  const captionId = useId();
  if (gate.hidden) return null;
  const blocker = gate.blocker ?? props.unavailable;
  // Busy with another intent: told, yet it opens, so its confirmation can say more.
  const disabled =
    blocker !== undefined && (gate.busy === undefined || props.unavailable !== undefined);
  const showCaption = blocker !== undefined && caption === 'inline';
  return (
    // Clicks here (and in the dialog) are the control's, not the tile's or card's under it.
    <span className="action-launcher" onClick={(event) => event.stopPropagation()}>
      <button
        type="button"
        className={props.className ?? 'button button--small'}
        data-testid={props.testId ?? 'action-open'}
        data-action={call.action}
        disabled={disabled}
        data-busy={gate.busy ? gate.busy.key : undefined}
        title={blocker}
        aria-label={props.ariaLabel}
        role={props.switchOn === undefined ? undefined : 'switch'}
        aria-checked={props.switchOn}
        aria-describedby={showCaption ? captionId : props.describedBy}
        onClick={() => {
          setError(undefined);
          setDraft({ endpointId, call, ...(props.origin ? { origin: props.origin } : {}) });
        }}
      >
        {props.children ?? ACTION_LABEL[call.action]}
      </button>
      {showCaption && (
        <span className="action-launcher__blocker" id={captionId} data-testid="action-blocker">
          {blocker}
        </span>
      )}
      {error && (
        <span className="action-launcher__error" data-testid="action-error" role="alert">
          {error}
        </span>
      )}
      {draft && (
        <ActionDialog
          draft={draft}
          onClose={(failure) => {
            setError(failure);
            setDraft(undefined);
          }}
          onSubmitted={() => setDraft(undefined)}
        />
      )}
    </span>
  );
}
