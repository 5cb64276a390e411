package dk.borgerflow.selfservice;

/** What an editor writes about a solution (validated by {@link SelfServiceCatalogue} before any write). */
record SolutionFields(String title, String url, String description, boolean mitidRequired, String withoutMitid,
        String keywords) {
}
