package dev.worklens.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** MockMvc calls to the JSON API with the test key. */
public record ApiClient(MockMvc mvc) {

    public static final String KEY = "test-internal-key-0123";

    public ResultActions get(String path, Object... vars) throws Exception {
        return mvc.perform(keyed(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path, vars)));
    }

    public ResultActions post(String path, String json, Object... vars) throws Exception {
        return mvc.perform(keyed(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    public ResultActions patch(String path, String json, Object... vars) throws Exception {
        return mvc.perform(keyed(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path, vars))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    public ResultActions delete(String path, Object... vars) throws Exception {
        return mvc.perform(
                keyed(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path, vars)));
    }

    private static MockHttpServletRequestBuilder keyed(MockHttpServletRequestBuilder builder) {
        return builder.header("X-Internal-Key", KEY);
    }
}
