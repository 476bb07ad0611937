import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, pageOf } from '../../../contract/common.ts';
import {
  appointSupervisor,
  dismissSupervisor,
  listSupervisorsQuery,
  renewSupervisor,
  supervisor,
  supervisorContact,
  supervisorDetails,
} from '../../../contract/supervisors.ts';
import { renderAppointmentLetterPdf } from '../../documents/appointment-letter.document.ts';
import { auditContextOf } from '../../audit.ts';
import { actorOf } from '../../plugins/session.ts';
import * as supervisors from './supervisors.service.ts';

/** The streets' rosters of citizen supervisors (群众监督员) and their appointment letters. */
export const supervisorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const tags = ['inspections'];

  app.get(
    '/api/supervisors',
    {
      config: { access: { action: 'read', subject: 'supervisor' } },
      schema: {
        tags,
        summary: 'Supervisors on the rosters in scope, with their activity (phones masked)',
        querystring: listSupervisorsQuery,
        response: { 200: pageOf(supervisor) },
      },
    },
    async (request) => supervisors.listSupervisors(deps, actorOf(request), request.query),
  );

  app.post(
    '/api/supervisors',
    {
      config: { access: { action: 'create', subject: 'supervisor' } },
      schema: {
        tags,
        summary: 'Appoint a supervisor (their supervisor account must exist, bound to the street)',
        body: appointSupervisor,
        response: { 201: supervisor },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await supervisors.appointSupervisor(
            deps,
            auditContextOf(request, deps.clock),
            actorOf(request),
            request.body,
          ),
        ),
  );

  app.get(
    '/api/supervisors/:id',
    {
      config: { access: { action: 'read', subject: 'supervisor' } },
      schema: { tags, summary: 'One roster entry', params: idParam, response: { 200: supervisor } },
    },
    async (request) => supervisors.getSupervisor(deps, actorOf(request), request.params.id),
  );

  app.put(
    '/api/supervisors/:id',
    {
      config: { access: { action: 'update', subject: 'supervisor' } },
      schema: {
        tags,
        summary: "Change a supervisor's name, phone, community or card number",
        params: idParam,
        body: supervisorDetails,
        response: { 200: supervisor },
      },
    },
    async (request) =>
      supervisors.updateSupervisorDetails(
        deps,
        auditContextOf(request, deps.clock),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/api/supervisors/:id/contact',
    {
      config: { access: { action: 'readPersonal', subject: 'supervisor' } },
      schema: {
        tags,
        summary: 'The unmasked phone; the read is audited',
        params: idParam,
        response: { 200: supervisorContact },
      },
    },
    async (request) =>
      supervisors.revealSupervisorPhone(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id),
  );

  app.post(
    '/api/supervisors/:id/renew',
    {
      config: { access: { action: 'renew', subject: 'supervisor' } },
      schema: {
        tags,
        summary: 'Renew the appointment (two more years unless a term end is given)',
        params: idParam,
        body: renewSupervisor,
        response: { 200: supervisor },
      },
    },
    async (request) =>
      supervisors.decideAppointment(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, {
        action: 'renew',
        termEnd: request.body.termEnd,
      }),
  );

  app.post(
    '/api/supervisors/:id/dismiss',
    {
      config: { access: { action: 'dismiss', subject: 'supervisor' } },
      schema: {
        tags,
        summary: 'Dismiss a supervisor, with the reason',
        params: idParam,
        body: dismissSupervisor,
        response: { 200: supervisor },
      },
    },
    async (request) =>
      supervisors.decideAppointment(deps, auditContextOf(request, deps.clock), actorOf(request), request.params.id, {
        action: 'dismiss',
        reason: request.body.reason,
      }),
  );

  app.get(
    '/api/supervisors/:id/appointment-letter.pdf',
    {
      config: { access: { action: 'read', subject: 'supervisor' } },
      schema: { tags, summary: 'The appointment letter (聘书) as PDF', params: idParam },
    },
    async (request, reply) =>
      reply
        .headers({ 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="appointment.pdf"' })
        .send(
          await renderAppointmentLetterPdf(
            await supervisors.appointmentLetterOf(deps, actorOf(request), request.params.id),
          ),
        ),
  );
};
