package vn.dieuhanh;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DieuHanhApplication {

    public static void main(String[] args) {
        SpringApplication.run(DieuHanhApplication.class, args);
    }
}
