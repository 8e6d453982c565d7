// Adds an endpoint, or edits one: URL, bearer token and CA file. The token is
// write-only: when editing, an empty field keeps the stored one and "Remove
// token" deletes it. The host validates again; its refusal shows inline.
import { useId, useState, type FormEvent } from 'react';
import type { EndpointConfig, EndpointStatus } from '../../../../shared/api/links';
import { endpointUrlProblem } from './endpoint-url-check';
import { useHostCall } from '../../ui/host-call';

export interface EndpointFormEdit {
  hasToken: boolean;
  url: string;
  /** Undefined when the console does not know the CA file it was last given. */
  caFile: string | undefined;
  caFileKnown: boolean;
}

interface EndpointFormProps {
  /** Absent: the add form. */
  edit?: EndpointFormEdit;
  onSubmit(config: EndpointConfig): Promise<EndpointStatus>;
  onDone?(status: EndpointStatus): void;
  onCancel?(): void;
}

export function EndpointForm({ edit, onSubmit, onDone, onCancel }: EndpointFormProps) {
  const id = useId();
  const [url, setUrl] = useState(edit?.url ?? '');
  const [token, setToken] = useState('');
  const [removeToken, setRemoveToken] = useState(false);
  const [caFile, setCaFile] = useState(edit?.caFile ?? '');
  const [checked, setChecked] = useState(false);
  const [added, setAdded] = useState<string>();
  const call = useHostCall(edit ? 'Could not save the endpoint' : 'Could not add the endpoint');
  const urlProblem = checked ? endpointUrlProblem(url) : undefined;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    setAdded(undefined);
    if (endpointUrlProblem(url)) return;
    const newToken = removeToken ? '' : token.trim() || undefined;
    const config = endpointConfig(url, newToken, caFile);
    const result = await call.run(() => onSubmit(config));
    if (!result) return;
    setToken('');
    setRemoveToken(false);
    if (!edit) {
      setUrl('');
      setCaFile('');
      setChecked(false);
      setAdded(`Added ${result.value.name}: it shows in the list as it connects.`);
    }
    onDone?.(result.value);
  };

  return (
    <form
      className="endpoint-form"
      data-testid={edit ? 'edit-endpoint' : 'add-endpoint'}
      aria-label={edit ? 'Edit endpoint' : 'Add endpoint'}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="field">
        <label htmlFor={`${id}-url`}>Endpoint URL</label>
        <input
          id={`${id}-url`}
          type="url"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="wss://metrics.example.com/watchfloor"
          value={url}
          aria-invalid={urlProblem !== undefined}
          aria-describedby={urlProblem ? `${id}-url-problem` : undefined}
          onChange={(event) => setUrl(event.target.value)}
          onBlur={() => {
            if (url.trim() !== '') setChecked(true);
          }}
        />
        {urlProblem && (
          <p className="field__problem" id={`${id}-url-problem`} data-testid="url-problem">
            <span aria-hidden="true">✖ </span>
            {urlProblem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-token`}>
          Bearer token <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          placeholder={tokenPlaceholder(edit)}
          value={token}
          disabled={removeToken}
          onChange={(event) => setToken(event.target.value)}
        />
        {edit?.hasToken && (
          <label className="field__check">
            <input
              type="checkbox"
              checked={removeToken}
              onChange={(event) => setRemoveToken(event.target.checked)}
            />
            Remove token
          </label>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-ca`}>
          CA certificate file <span className="field__optional">(optional)</span>
        </label>
        <input
          id={`${id}-ca`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="/etc/ssl/private-ca.pem"
          value={caFile}
          aria-describedby={`${id}-ca-hint`}
          onChange={(event) => setCaFile(event.target.value)}
        />
        <p className="field__hint" id={`${id}-ca-hint`}>
          {edit && !edit.caFileKnown
            ? 'The console does not report the CA file set before: enter it again to keep it; empty trusts the system CAs only.'
            : 'A PEM file on the console host, for wss:// endpoints with a private CA; system CAs are always trusted.'}
        </p>
      </div>
      <div className="endpoint-form__buttons">
        <button type="submit" className="button button--primary" disabled={call.busy}>
          {edit ? 'Save changes' : 'Add endpoint'}
        </button>
        {onCancel && (
          <button type="button" className="button" disabled={call.busy} onClick={onCancel}>
            Cancel
          </button>
        )}
        {call.busy && (
          <span className="endpoint-form__note" role="status">
            {edit ? 'Saving…' : 'Adding…'}
          </span>
        )}
      </div>
      {call.error && (
        <p className="form-error" role="alert" data-testid="endpoint-form-error">
          <span aria-hidden="true">✖ </span>
          {call.error}
        </p>
      )}
      {added && (
        <p className="endpoint-form__done" role="status">
          <span aria-hidden="true">✓ </span>
          {added}
        </p>
      )}
    </form>
  );
}

function tokenPlaceholder(edit: EndpointFormEdit | undefined): string {
  if (!edit) return 'none';
  return edit.hasToken ? 'Leave empty to keep the current token' : 'Leave empty for no token';
}

/**
 * Empty fields are left out: no token (or, when editing, keep the stored one),
 * no CA file. `token: ''` asks the host to delete the stored token.
 */
function endpointConfig(url: string, token: string | undefined, caFile: string): EndpointConfig {
  const config: EndpointConfig = { url: url.trim() };
  if (token !== undefined) config.token = token;
  if (caFile.trim() !== '') config.caFile = caFile.trim();
  return config;
}
