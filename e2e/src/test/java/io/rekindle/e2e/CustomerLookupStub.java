package io.rekindle.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** segment-service's {@code POST /v1/customers/lookup} stood in by WireMock. */
final class CustomerLookupStub {

    private CustomerLookupStub() {
    }

    /** Every customer asked for exists, in the order asked, each with these JSON fields besides its id. */
    static MappingBuilder everyCustomerWith(String fields) {
        return post(urlPathEqualTo("/v1/customers/lookup")).willReturn(okJson("""
                {"customers":[{{#each (jsonPath request.body '$.customerIds') as |id|}}{{#unless @first}},{{/unless}}
                 {"customerId":"{{id}}",%s}{{/each}}],"unknown":[]}""".formatted(fields))
                .withTransformers("response-template"));
    }
}
