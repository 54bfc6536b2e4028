import { ErrorCode } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import type { CreateReportDto } from '../../modules/reports/dto/create-report.dto';
import { ReportsRepository } from '../../modules/reports/reports.repository';
import { ReportsService } from '../../modules/reports/reports.service';
import { SubmissionWriter, type SubmissionWrite } from '../../modules/reports/submission-writer';
import { loginAs, type LoggedIn } from '../helpers/auth';
import { reportBody, uploadPhoto } from '../helpers/reporting';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Intake's group commit on the real database: submissions that queue behind a running write are written
 * together, and a batch one of them spoils is written again one by one, so only that one fails and it
 * leaves no row behind.
 */
describe('group commit of submissions (SubmissionWriter)', () => {
  let t: TestApp;
  let db: DataSource;
  let reports: ReportsService;
  let writer: SubmissionWriter;
  let resident: LoggedIn;
  let user: AuthUser;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    reports = t.app.get(ReportsService, { strict: false });
    writer = t.app.get(SubmissionWriter, { strict: false });
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'group-commit-resident' });
    user = { id: resident.userId, role: 'resident', departmentId: null };
  });

  afterAll(() => t.close());

  /**
   * Runs the pipeline for each body up to the write and keeps what it would write: nothing is written,
   * so every submission passes the checks as if it came first.
   */
  async function prepared(bodies: CreateReportDto[]): Promise<SubmissionWrite[]> {
    const captured: SubmissionWrite[] = [];
    const spy = jest.spyOn(writer, 'write').mockImplementation((submission) => {
      captured.push(submission);
      return Promise.reject(new Error('held back by the test'));
    });
    try {
      for (const body of bodies) await expect(reports.create(user, body)).rejects.toThrow('held back by the test');
    } finally {
      spy.mockRestore();
    }
    return captured;
  }

  /** Every row a submission writes, by report number. */
  async function rowsOf(reportNo: string) {
    const [report] = await db.query('SELECT id, ticketId, outcome FROM reports WHERE reportNo = ?', [reportNo]);
    const tickets = report?.ticketId ? await db.query('SELECT id, status FROM tickets WHERE id = ?', [report.ticketId]) : [];
    const events = report?.ticketId ? await db.query('SELECT action FROM ticket_events WHERE ticketId = ?', [report.ticketId]) : [];
    const photos = report ? await db.query('SELECT id FROM photos WHERE reportId = ?', [report.id]) : [];
    return { report, tickets, events, photos };
  }

  const body = async (photoId: string): Promise<CreateReportDto> => reportBody({ photoIds: [photoId] }) as CreateReportDto;

  it('writes the submissions that queued behind a running write in one transaction, each with all of its rows', async () => {
    const photos = await Promise.all([1, 2, 3, 4].map((seed) => uploadPhoto(t.baseUrl, resident, 40 + seed)));
    const submissions = await prepared(await Promise.all(photos.map((photo) => body(photo.id))));
    expect(submissions).toHaveLength(4);
    const transactions = jest.spyOn(t.app.get(ReportsRepository, { strict: false }), 'transaction');
    try {
      // Submitted in one go: the first is written at once, the other three wait for it and go together.
      await Promise.all(submissions.map((submission) => writer.write(submission)));
      expect(transactions).toHaveBeenCalledTimes(2);
    } finally {
      transactions.mockRestore();
    }
    for (const [i, submission] of submissions.entries()) {
      const rows = await rowsOf(submission.report.reportNo);
      expect(rows.report).toMatchObject({ outcome: 'accepted', ticketId: submission.toOpen?.ticket.id });
      expect(rows.tickets).toEqual([{ id: submission.toOpen?.ticket.id, status: 'dispatched' }]);
      expect(rows.events.map((event: { action: string }) => event.action)).toEqual(['open_dispatched']);
      expect(rows.photos).toEqual([{ id: photos[i].id }]);
    }
  });

  it('retries a spoilt batch one by one: only the submission whose photo was taken fails, and it leaves nothing', async () => {
    const [shared, own] = await Promise.all([uploadPhoto(t.baseUrl, resident, 51), uploadPhoto(t.baseUrl, resident, 52)]);
    // Two submissions of the same photo (a double tap with two request ids) and one with a photo of its own.
    const [first, second, third] = await prepared([await body(shared.id), await body(shared.id), await body(own.id)]);
    const transactions = jest.spyOn(t.app.get(ReportsRepository, { strict: false }), 'transaction');
    const outcomes = await Promise.allSettled([first, second, third].map((submission) => writer.write(submission)));
    // [first] alone, then [second, third] together (rolled back), then each of those alone.
    expect(transactions).toHaveBeenCalledTimes(4);
    transactions.mockRestore();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (outcomes[1] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ErrorCode.CONFLICT);

    expect((await rowsOf(first.report.reportNo)).photos).toEqual([{ id: shared.id }]);
    expect((await rowsOf(third.report.reportNo)).photos).toEqual([{ id: own.id }]);
    const lost = await rowsOf(second.report.reportNo);
    expect(lost.report).toBeUndefined();
    const ticketId = second.toOpen?.ticket.id;
    expect(await db.query('SELECT id FROM tickets WHERE id = ?', [ticketId])).toEqual([]);
    expect(await db.query('SELECT id FROM ticket_events WHERE ticketId = ?', [ticketId])).toEqual([]);
  });

  it('answers a resident whose submission lost its photo to a concurrent one with 409 and keeps the winner', async () => {
    const photo = await uploadPhoto(t.baseUrl, resident, 61);
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        fetch(`${t.baseUrl}/api/v1/reports`, {
          method: 'POST',
          headers: { ...resident.headers, 'content-type': 'application/json' },
          body: JSON.stringify(reportBody({ photoIds: [photo.id] })),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { reportNo?: string; code?: string } })),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created).toHaveLength(1);
    expect(answers.filter((answer) => answer.status !== 201).every((answer) => answer.status === 409 || answer.status === 400)).toBe(true);
    const [owner] = await db.query('SELECT r.reportNo FROM photos p JOIN reports r ON r.id = p.reportId WHERE p.id = ?', [photo.id]);
    expect(owner.reportNo).toBe(created[0].body.reportNo);
  });
});
