package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.assessments.AssessmentService;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may delete an assessment: the planner who saved it, or the administrator. */
@ApplicationScoped
public class AssessmentPermissions {

    static final String DELETE = "assessment-delete";

    private final AssessmentService assessments;

    public AssessmentPermissions(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** An assessment that does not exist is left to the operation to answer 404, for a planner or the administrator. */
    @Blocking
    @PermissionChecker(DELETE)
    boolean mayDelete(SecurityIdentity identity, String id) {
        if (identity.isAnonymous()) {
            return false;
        }
        if (identity.hasRole(AdminIdentityProvider.ROLE)) {
            return true;
        }
        if (!identity.hasRole(AdminIdentityProvider.PLANNER_ROLE)) {
            return false;
        }
        if (!AssessmentResource.isId(id)) {
            return true;
        }
        String name = identity.getPrincipal().getName();
        return assessments.owner(id).map(name::equals).orElse(true);
    }
}
