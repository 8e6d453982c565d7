// "Export report": the snapshot as one self-contained HTML page (saved notes
// first), linked for download in browser mode.
import { useState } from 'react';
import type { SnapshotFileInfo } from '../../../../shared/api/snapshot-files';
import { useHostCall } from '../../ui/host-call';
import { exportReviewReport } from './review-save';
import { SnapshotDownloadLink } from '../snapshots';

export function ReviewReportControl() {
  const call = useHostCall('Could not export the report');
  const [report, setReport] = useState<SnapshotFileInfo>();

  const exportReport = async () => {
    setReport(undefined);
    const result = await call.run(exportReviewReport);
    if (result) setReport(result.value);
  };

  return (
    <div className="review-report">
      <button
        type="button"
        className="button button--small"
        disabled={call.busy}
        data-testid="review-report"
        onClick={() => void exportReport()}
      >
        {call.busy ? 'Exporting report…' : 'Export report'}
      </button>
      {report && <SnapshotDownloadLink file={report} what="Report" testId="review-report" />}
      {call.error && (
        <p className="form-error" role="alert" data-testid="review-report-error">
          {call.error}
        </p>
      )}
    </div>
  );
}
