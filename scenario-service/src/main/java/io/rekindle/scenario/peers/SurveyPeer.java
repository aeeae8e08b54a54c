package io.rekindle.scenario.peers;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.rekindle.platform.peers.Peer;
import io.rekindle.platform.peers.PeerRefusedException;
import io.rekindle.platform.peers.Peers;
import io.rekindle.scenario.peers.survey.api.InvitationsApi;
import io.rekindle.scenario.peers.survey.api.SurveysApi;
import io.rekindle.scenario.peers.survey.model.InvitationRequest;
import io.rekindle.scenario.peers.survey.model.InvitationView;

/** What scenario-service asks of survey-service, through the client generated from its stored contract. */
@ApplicationScoped
public class SurveyPeer {

    private final Peer peer;
    private final SurveysApi surveys;
    private final InvitationsApi invitations;

    SurveyPeer(Peers peers, @RestClient SurveysApi surveys, @RestClient InvitationsApi invitations) {
        this.peer = peers.named("survey-service");
        this.surveys = surveys;
        this.invitations = invitations;
    }

    public boolean surveyExists(String surveyId) {
        return peer.find(() -> surveys.surveyResourceGet(surveyId)).isPresent();
    }

    /** The customer's personal link to the survey, made once per key; empty when survey-service refuses. */
    public Optional<String> invite(String surveyId, InvitationRequest invitation, String idempotencyKey) {
        try {
            Response created = peer.write(() -> invitations.invitationResourceInvite(surveyId, invitation,
                    idempotencyKey));
            return Optional.ofNullable(created.readEntity(InvitationView.class).getUrl());
        } catch (PeerRefusedException e) {
            return Optional.empty();
        }
    }
}
