/** What other parts of the application may use of the people feature. */
export { invitationRoutes } from "./invitation.routes.js";
export { invite } from "./invitations.service.js";
export { peopleRoutes } from "./people.routes.js";
export { reinstatePerson, suspendPerson } from "./people.service.js";
